package io.gitinsight.ingestion.git;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gitinsight.ingestion.domain.CommitRecord.Identity;

/** The {@code Co-authored-by: Name <email>} trailers of a commit message (GitHub's convention). */
public final class CoAuthors {

    private static final Pattern TRAILER = Pattern.compile("(?im)^co-authored-by:\\s*(.+?)\\s*<([^>\\s]+)>\\s*$");

    private CoAuthors() {
    }

    public static List<Identity> of(String message) {
        List<Identity> coAuthors = new ArrayList<>();
        Matcher matcher = TRAILER.matcher(message);
        while (matcher.find()) {
            Identity identity = new Identity(matcher.group(1), matcher.group(2));
            if (!coAuthors.contains(identity)) {
                coAuthors.add(identity);
            }
        }
        return coAuthors;
    }
}
