package app.facet.ui.findpeople;

import app.facet.core.people.FaceCluster;
import app.facet.core.people.Suggestion;
import app.facet.ui.session.LibraryContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the Find People window shows, read in one background job. */
record FindPeopleModel(List<FaceCluster> groups, List<Suggestion> suggestions, Map<Long, Path> crops) {
    /** Groups of one face are not worth a row: they are named from the photo viewer. */
    static final int MIN_GROUP_SIZE = 2;

    static FindPeopleModel read(LibraryContext library) {
        List<FaceCluster> groups = library.clusters().clusters().stream().filter(c -> c.size() >= MIN_GROUP_SIZE).toList();
        List<Suggestion> suggestions = library.recognition().suggestions();
        List<Long> faces = new ArrayList<>();
        groups.forEach(g -> faces.addAll(g.sampleFaceIds()));
        suggestions.forEach(s -> faces.add(s.faceId()));
        return new FindPeopleModel(groups, suggestions, library.faces().cropPaths(faces));
    }
}
