package app.facet.core.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SHA-256 content hashes as the catalog stores them ({@code photos.content_hash}: 64 lower-case hex digits): the
 * identity of a photo across moves, and of a model file. The one place files are hashed.
 */
public final class ContentHash {
    private static final Pattern HEX64 = Pattern.compile("(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])");

    private ContentHash() {
    }

    /** @return the SHA-256 of the file's bytes, lower-case hex. @throws IOException when the file cannot be read */
    public static String of(Path file) throws IOException {
        MessageDigest md = newDigest();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** @return a 64-hex-digit run in the file name (crops named after their photo's hash), lower-cased */
    public static Optional<String> inFileName(String path) {
        String name = Path.of(path).getFileName().toString();
        Matcher m = HEX64.matcher(name);
        return m.find() ? Optional.of(m.group().toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
    }

    public static boolean isValid(String hash) {
        return hash != null && hash.length() == 64 && HEX64.matcher(hash).matches();
    }

    /** @return a fresh SHA-256 digest, for hashing a stream while it is written (downloads) */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
