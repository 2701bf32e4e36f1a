package io.gitinsight.ingestion.git;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

import io.gitinsight.ingestion.git.CommentSyntax.Block;
import io.gitinsight.ingestion.git.CommentSyntax.Quote;

/**
 * Blank, comment and code lines of one file, counted as cloc counts them (CONTRACT §4 asks for LOC within
 * 5% of cloc): a line of whitespace only is blank; a line whose every other character is inside a
 * comment is a comment line; any other line is code, so code followed by a comment is code, and a
 * comment marker inside a string literal is code. A file with a NUL byte in its first 8,000 bytes is
 * binary (git's test): it has no language and no lines. The content is read as a stream, one pass, so a
 * large file never sits in memory.
 */
public final class LocCounter {

    /** git's binary test looks at this many leading bytes. */
    public static final int SNIFF_BYTES = 8000;

    private static final byte[] SHEBANG = { '#', '!' };

    /** What one file holds; a binary file or one no language claims has no language. */
    public record Lines(String language, boolean binary, long code, long comments, long blanks) {
    }

    private LocCounter() {
    }

    /** Counts a file held in memory. */
    public static Lines count(String path, byte[] content) {
        try {
            return count(path, new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts a file read from {@code content} (not closed here). */
    public static Lines count(String path, InputStream content) throws IOException {
        Input input = new Input(content);
        byte[] head = input.head(SNIFF_BYTES);
        if (isBinary(head)) {
            return new Lines(null, true, 0, 0, 0);
        }
        String language = Languages.of(path, head);
        if (language == null) {
            return new Lines(null, false, 0, 0, 0);
        }
        Scanner scanner = new Scanner(CommentSyntax.of(language), input);
        if (Languages.isScript(language) && input.startsWith(SHEBANG, false)) {
            scanner.lineHasCode = true;
        }
        return scanner.run(language);
    }

    /** The language of a file from its path and first bytes, without counting it. */
    public static String language(String path, byte[] head) {
        return isBinary(head) ? null : Languages.of(path, head);
    }

    static boolean isBinary(byte[] head) {
        for (int i = 0; i < Math.min(head.length, SNIFF_BYTES); i++) {
            if (head[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpace(int c) {
        // Perl's \s on bytes, which is what cloc's blank-line test uses
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B;
    }

    /** One pass over the bytes; comment markers are ASCII, so UTF-8 text needs no decoding. */
    private static final class Scanner {

        private final CommentSyntax syntax;
        private final Input in;
        private long code;
        private long comments;
        private long blanks;
        // the line being read
        private boolean lineHasBytes;
        private boolean lineHasText;
        private boolean lineHasCode;
        // what the scanner is inside of, across lines
        private Block block;
        private Quote quote;
        private boolean lineComment;
        private boolean escapedNewline;

        Scanner(CommentSyntax syntax, Input in) {
            this.syntax = syntax;
            this.in = in;
        }

        Lines run(String language) throws IOException {
            for (int c = in.peek(0); c >= 0; c = in.peek(0)) {
                if (c == '\n') {
                    endLine();
                    in.skip(1);
                    continue;
                }
                lineHasBytes = true;
                if (isSpace(c)) {
                    in.skip(1);
                    continue;
                }
                boolean first = !lineHasText;
                lineHasText = true;
                if (lineComment) {
                    in.skip(1);
                } else if (block != null) {
                    if (in.startsWith(block.close(), false)) {
                        in.skip(block.close().length);
                        block = null;
                    } else {
                        in.skip(1);
                    }
                } else if (quote != null) {
                    lineHasCode = true;
                    inQuote(c);
                } else {
                    inCode(first);
                }
            }
            if (lineHasBytes) {
                endLine();
            }
            return new Lines(language, false, code, comments, blanks);
        }

        private void inQuote(int c) throws IOException {
            if (quote.escapes() && c == '\\') {
                if (in.peek(1) == '\n') {
                    escapedNewline = true;
                    in.skip(1);
                } else {
                    in.skip(in.peek(1) < 0 ? 1 : 2);
                }
            } else if (in.startsWith(quote.close(), false)) {
                in.skip(quote.close().length);
                quote = null;
            } else {
                in.skip(1);
            }
        }

        private void inCode(boolean first) throws IOException {
            if (first) {
                for (byte[] marker : syntax.lineStartComments()) {
                    if (in.startsWith(marker, true)) {
                        lineComment = true;
                        return;
                    }
                }
            }
            for (Block candidate : syntax.blocks()) {
                if ((first || !candidate.atLineStart()) && in.startsWith(candidate.open(), false)) {
                    in.skip(candidate.open().length);
                    block = candidate;
                    return;
                }
            }
            for (byte[] marker : syntax.lineComments()) {
                if (in.startsWith(marker, false)) {
                    lineComment = true;
                    return;
                }
            }
            lineHasCode = true;
            for (Quote candidate : syntax.quotes()) {
                if (in.startsWith(candidate.open(), false)) {
                    in.skip(candidate.open().length);
                    quote = candidate;
                    return;
                }
            }
            in.skip(syntax.charLiterals() && in.peek(0) == '\'' ? charLiteralLength() : 1);
        }

        /**
         * The length of a character literal at the cursor ({@code 'a'}, {@code '\n'}, {@code '\u00e9'}, a
         * UTF-8 character), or 1 when the quote is something else, such as a Rust lifetime.
         */
        private int charLiteralLength() throws IOException {
            boolean escaped = in.peek(1) == '\\';
            boolean multiByte = true;
            for (int k = escaped ? 3 : 2; k <= 10; k++) {
                int c = in.peek(k);
                if (c < 0 || c == '\n') {
                    return 1;
                }
                if (c == '\'') {
                    return escaped || k == 2 || multiByte ? k + 1 : 1;
                }
                multiByte &= c >= 0x80 && in.peek(1) >= 0x80;
            }
            return 1;
        }

        private void endLine() {
            if (!lineHasText) {
                blanks++;
            } else if (lineHasCode) {
                code++;
            } else {
                comments++;
            }
            lineHasBytes = false;
            lineHasText = false;
            lineHasCode = false;
            lineComment = false;
            if (quote != null && !quote.multiline() && !escapedNewline) {
                quote = null;
            }
            escapedNewline = false;
        }
    }

    /** A stream with a little look-ahead. */
    private static final class Input {

        private static final int LOOKAHEAD = 16;

        private final InputStream in;
        private byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;
        private boolean eof;

        Input(InputStream in) {
            this.in = in;
        }

        /** The first {@code n} bytes (fewer if the stream is shorter), left unread. */
        byte[] head(int n) throws IOException {
            fill(n);
            return Arrays.copyOfRange(buffer, position, Math.min(limit, position + n));
        }

        int peek(int offset) throws IOException {
            if (position + offset >= limit) {
                fill(Math.max(offset + 1, LOOKAHEAD));
            }
            return position + offset < limit ? buffer[position + offset] & 0xff : -1;
        }

        void skip(int n) {
            position = Math.min(limit, position + n);
        }

        boolean startsWith(byte[] marker, boolean ignoreCase) throws IOException {
            for (int i = 0; i < marker.length; i++) {
                int c = peek(i);
                if (c != marker[i] && !(ignoreCase && c >= 'A' && c <= 'Z' && c + 32 == marker[i])) {
                    return false;
                }
            }
            return true;
        }

        private void fill(int wanted) throws IOException {
            if (eof || limit - position >= wanted) {
                return;
            }
            if (position > 0) {
                System.arraycopy(buffer, position, buffer, 0, limit - position);
                limit -= position;
                position = 0;
            }
            if (buffer.length < wanted) {
                buffer = Arrays.copyOf(buffer, wanted);
            }
            while (limit < wanted && !eof) {
                int read = in.read(buffer, limit, buffer.length - limit);
                if (read < 0) {
                    eof = true;
                } else {
                    limit += read;
                }
            }
        }
    }
}
