package app.facet.core.metadata;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The size and mtime of a photo's sidecars, as one text ({@code photos.sidecar_stamp}): a rescan compares it with the
 * sidecars on disk and analyses a photo whose sidecar changed again, so names written by another program into a
 * sidecar are read even though the photo's bytes did not change. Format: {@code NAME=SIZE:MTIME_MS} per sidecar found
 * ({@link XmpPacketSources#sidecarCandidates} order), joined by {@code ;}; empty when the photo has none. Both the scan's
 * check and the analysis read a folder's listing, so the two agree on case-insensitive file systems too.
 */
public final class SidecarStamp {
    private static final Logger log = LoggerFactory.getLogger(SidecarStamp.class);

    private SidecarStamp() {
    }

    /**
     * The XMP files of one folder.
     *
     * @return file name → {@code SIZE:MTIME_MS} of every regular file whose name ends with {@code .xmp} (any case);
     *         empty when the folder cannot be listed (logged)
     */
    public static Map<String, String> listFolder(Path folder) {
        Map<String, String> out = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder,
                p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xmp"))) {
            for (Path p : entries) {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    if (a.isRegularFile()) {
                        out.put(p.getFileName().toString(), a.size() + ":" + a.lastModifiedTime().toMillis());
                    }
                } catch (IOException e) {
                    log.debug("event=sidecar_stat_failed path=\"{}\" error=\"{}\"", p, e.toString());
                }
            }
        } catch (IOException e) {
            log.warn("event=sidecar_folder_unreadable folder=\"{}\" error=\"{}\"", folder, e.toString());
        }
        return out;
    }

    /** @param folderXmp {@link #listFolder} of the photo's folder @return the photo's stamp, empty when it has no sidecar */
    public static String of(Path photo, Map<String, String> folderXmp) {
        StringBuilder out = new StringBuilder();
        for (Path candidate : XmpPacketSources.sidecarCandidates(photo)) {
            String name = candidate.getFileName().toString();
            String facts = folderXmp.get(name);
            if (facts != null) {
                out.append(out.isEmpty() ? "" : ";").append(name).append('=').append(facts);
            }
        }
        return out.toString();
    }

    /** @return the photo's stamp now, listing its folder */
    public static String of(Path photo) {
        Path folder = photo.toAbsolutePath().getParent();
        return folder == null || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder)
                ? "" : of(photo, listFolder(folder));
    }

    /**
     * @param stored the stamp recorded at the photo's last analysis with metadata reading on; null when none was (a
     *               photo analysed before Facet read sidecars, or with {@code --no-metadata-faces})
     * @return whether the photo's sidecars should be read again
     */
    public static boolean changed(String stored, String now) {
        return stored == null ? !now.isEmpty() : !stored.equals(now);
    }
}
