package io.gitinsight.ingestion.git;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;

import io.gitinsight.ingestion.domain.CommitRecord;
import io.gitinsight.ingestion.domain.CommitRecord.Identity;
import io.gitinsight.ingestion.domain.FileChange;

/**
 * Reads the history of a branch the way the git CLI reports it: the commits {@code git rev-list} lists,
 * each with the per-file line counts of {@code git log --numstat} (git's xdiff line counting, see GitLineCounts; rename
 * detection at
 * git's default 50% similarity, binary files counted 0, merges without files, the root commit against
 * the empty tree). CONTRACT §4 defines the metrics on exactly these numbers.
 */
public final class HistoryReader {

    private final Repository repository;

    public HistoryReader(Repository repository) {
        this.repository = repository;
    }

    /**
     * Every commit reachable from {@code head} and not from {@code since} (null: the whole history),
     * oldest first, handed to {@code sink} one at a time so that a large history never sits in memory.
     */
    public int read(ObjectId head, ObjectId since, Consumer<CommitRecord> sink) throws IOException {
        int count = 0;
        try (RevWalk walk = new RevWalk(repository);
                ObjectReader reader = repository.newObjectReader();
                DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            // the formatter only lists the changed paths, with git's rename detection
            diff.setRepository(repository);
            diff.setDetectRenames(true);
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.REVERSE, true);
            walk.markStart(walk.parseCommit(head));
            if (since != null) {
                walk.markUninteresting(walk.parseCommit(since));
            }
            for (RevCommit commit : walk) {
                sink.accept(record(commit, diff, reader));
                count++;
            }
        }
        return count;
    }

    /**
     * Whether a history read since {@code previous} would be complete: only when {@code previous} is still
     * in {@code head}'s history. After a force-push (or when the previous head is gone from the mirror)
     * the commits reachable from it but no longer from the branch have to be forgotten, so the whole
     * history is read again.
     */
    public boolean continues(ObjectId previous, ObjectId head) throws IOException {
        if (previous == null) {
            return false;
        }
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.isMergedInto(walk.parseCommit(previous), walk.parseCommit(head));
        } catch (org.eclipse.jgit.errors.MissingObjectException | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
            return false;
        }
    }

    private CommitRecord record(RevCommit commit, DiffFormatter diff, ObjectReader reader) throws IOException {
        List<String> parents = new ArrayList<>();
        for (RevCommit parent : commit.getParents()) {
            parents.add(parent.getName());
        }
        List<FileChange> files = commit.getParentCount() > 1 ? List.of() : files(commit, diff, reader);
        PersonIdent author = commit.getAuthorIdent();
        PersonIdent committer = commit.getCommitterIdent();
        String message = commit.getFullMessage();
        return new CommitRecord(commit.getName(), parents, identity(author), time(author), identity(committer),
                time(committer), message, CoAuthors.of(message), files);
    }

    private static List<FileChange> files(RevCommit commit, DiffFormatter diff, ObjectReader reader) throws IOException {
        RevCommit parent = commit.getParentCount() == 0 ? null : commit.getParent(0);
        List<DiffEntry> entries = diff.scan(parent == null ? null : parent.getTree(), commit.getTree());
        List<FileChange> files = new ArrayList<>(entries.size());
        for (DiffEntry entry : entries) {
            if (entry.getOldMode().getObjectType() != org.eclipse.jgit.lib.Constants.OBJ_BLOB
                    && entry.getNewMode().getObjectType() != org.eclipse.jgit.lib.Constants.OBJ_BLOB) {
                continue; // submodule links: git counts them as one line changed; they carry no code
            }
            DiffEntry.ChangeType type = entry.getChangeType();
            String path = type == DiffEntry.ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath();
            String oldPath = type == DiffEntry.ChangeType.RENAME ? entry.getOldPath() : null;
            // git log detects renames, not copies: a copy counts as the file it adds
            boolean added = type == DiffEntry.ChangeType.ADD || type == DiffEntry.ChangeType.COPY;
            byte[] before = content(reader, entry.getOldId().toObjectId(), added);
            byte[] after = content(reader, entry.getNewId().toObjectId(), entry.getChangeType() == DiffEntry.ChangeType.DELETE);
            if (RawText.isBinary(before) || RawText.isBinary(after)) {
                files.add(new FileChange(path, oldPath, 0, 0, true));
                continue;
            }
            // the blobs are already read: diff them here rather than have DiffFormatter read them again
            int[] counts = GitLineCounts.count(before, after);
            files.add(new FileChange(path, oldPath, counts[0], counts[1], false));
        }
        return files;
    }

    private static byte[] content(ObjectReader reader, ObjectId id, boolean absent) throws IOException {
        return absent || ObjectId.zeroId().equals(id) ? new byte[0] : reader.open(id).getCachedBytes(Integer.MAX_VALUE);
    }

    private static Identity identity(PersonIdent person) {
        return new Identity(person.getName(), person.getEmailAddress());
    }

    private static OffsetDateTime time(PersonIdent person) {
        return OffsetDateTime.ofInstant(person.getWhenAsInstant(), person.getZoneOffset() == null ? ZoneOffset.UTC
                : person.getZoneOffset());
    }
}
