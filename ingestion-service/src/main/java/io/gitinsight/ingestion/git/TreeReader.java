package io.gitinsight.ingestion.git;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

import io.gitinsight.ingestion.domain.TipTree;

/**
 * Lists the files at a commit with their lines counted by {@link LocCounter}. Folders of vendored or
 * generated code ({@code node_modules}, {@code vendor}, {@code build}, {@code dist}, {@code target}, at any
 * depth) are not entered (CONTRACT §4 leaves them out, as {@code cloc --exclude-dir} does); symbolic links
 * and submodules are not files and are not listed. Each blob is streamed once; one larger than the limit
 * is listed with its size and language but not counted.
 */
public final class TreeReader {

    public static final Set<String> EXCLUDED_FOLDERS = Set.of("node_modules", "vendor", "build", "dist", "target");

    private final Repository repository;
    private final long maxCountedBytes;

    public TreeReader(Repository repository, long maxCountedBytes) {
        this.repository = repository;
        this.maxCountedBytes = maxCountedBytes;
    }

    /** The tree of {@code commit}, reported as the tip of {@code branch}. */
    public TipTree read(String branch, ObjectId commit) throws IOException {
        List<TipTree.File> files = new ArrayList<>();
        try (ObjectReader reader = repository.newObjectReader();
                RevWalk walk = new RevWalk(reader);
                TreeWalk tree = new TreeWalk(reader)) {
            tree.addTree(walk.parseCommit(commit).getTree());
            tree.setRecursive(false);
            while (tree.next()) {
                if (tree.isSubtree()) {
                    if (!EXCLUDED_FOLDERS.contains(tree.getNameString())) {
                        tree.enterSubtree();
                    }
                } else if (tree.getFileMode(0).getObjectType() == Constants.OBJ_BLOB
                        && !FileMode.SYMLINK.equals(tree.getFileMode(0))) {
                    files.add(file(tree.getPathString(), tree.getObjectId(0), reader));
                }
            }
        }
        return new TipTree(branch, commit.getName(), files);
    }

    private TipTree.File file(String path, ObjectId id, ObjectReader reader) throws IOException {
        ObjectLoader loader = reader.open(id, Constants.OBJ_BLOB);
        long size = loader.getSize();
        try (InputStream in = loader.openStream()) {
            if (size > maxCountedBytes) {
                String language = LocCounter.language(path, in.readNBytes(LocCounter.SNIFF_BYTES));
                return new TipTree.File(path, id.getName(), language, size, 0, 0, 0, false);
            }
            LocCounter.Lines lines = LocCounter.count(path, in);
            return new TipTree.File(path, id.getName(), lines.language(), size, lines.code(), lines.comments(),
                    lines.blanks(), !lines.binary());
        }
    }
}
