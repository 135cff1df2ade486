package app.facet.core.scan;

import app.facet.core.metadata.SidecarStamp;
import app.facet.core.scan.CataloguePlan.PlannedPhoto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves the unchanged photos whose XMP sidecar changed (size or mtime, a sidecar added or removed) to the changed
 * photos of a plan, so the scan analyses them again and reads the names another program wrote into the sidecar; the
 * user's decisions are held and carried as for any changed photo. Each folder holding such photos is listed once.
 */
final class SidecarChanges {
    private static final Logger log = LoggerFactory.getLogger(SidecarChanges.class);

    private SidecarChanges() {
    }

    /**
     * @param stamps photo id → the sidecar stamp recorded at its last reading (null: never read), for analysed photos
     * @return the plan with those photos moved from unchanged to changed (their content hash kept)
     */
    static CataloguePlan apply(CataloguePlan plan, Map<Long, String> stamps) {
        Map<Path, Map<String, String>> folders = new HashMap<>();
        List<PlannedPhoto> unchanged = new ArrayList<>(), changed = new ArrayList<>(plan.changed());
        for (PlannedPhoto p : plan.unchanged()) {
            long id = p.catalogued().id();
            if (!stamps.containsKey(id)) {
                unchanged.add(p);   // pending or failed: analysed (or not) by the usual rules
                continue;
            }
            Path file = p.file().path();
            String now = SidecarStamp.of(file, folders.computeIfAbsent(file.getParent(), SidecarStamp::listFolder));
            if (SidecarStamp.changed(stamps.get(id), now)) {
                log.info("event=photo_sidecar_changed photo=\"{}\"", file);
                changed.add(new PlannedPhoto(p.catalogued(), p.file(), p.hash() != null ? p.hash() : p.catalogued().contentHash()));
            } else {
                unchanged.add(p);
            }
        }
        return new CataloguePlan(plan.fresh(), unchanged, changed, plan.moved(), plan.missing());
    }
}
