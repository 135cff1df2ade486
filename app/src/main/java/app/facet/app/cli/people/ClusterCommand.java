package app.facet.app.cli.people;

import app.facet.app.cli.LibraryOption;
import app.facet.core.people.ClusteringResult;
import app.facet.core.people.FaceCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code facet people cluster}: regroup the unknown faces and show the largest groups, ready to be named. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Group the unknown faces by likeness (recomputed each time; named faces are never regrouped).")
public final class ClusterCommand implements Callable<Integer> {
    @Mixin
    LibraryOption library;
    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "Show the N largest clusters (default: ${DEFAULT-VALUE}).")
    int top;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PeopleSession session = PeopleSession.open(library);
        ClusteringResult r = PeopleSession.userErrors(session.clusters::cluster);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Clustered %d unknown faces in %.1f s: %d clusters, %d with 2 or more faces.%n",
                r.facesConsidered(), r.elapsed().toMillis() / 1000.0, r.clusters().size(), r.clustersOfAtLeast(2));
        out.printf(Locale.ROOT, "  %d faces good enough to start a cluster, %d low-quality faces joined one, %d left out.%n",
                r.seedFaces(), r.lowQualityJoined(), r.unclustered());
        if (!r.clusters().isEmpty()) {
            out.printf(Locale.ROOT, "%-8s %6s  %s%n", "cluster", "faces", "best face ids");
            r.clusters().stream().limit(Math.max(0, top)).forEach((FaceCluster c) -> out.printf(Locale.ROOT, "%-8d %6d  %s%n",
                    c.clusterId(), c.size(), c.sampleFaceIds().stream().map(String::valueOf).collect(Collectors.joining(" "))));
            if (r.clusters().size() > top) {
                out.printf(Locale.ROOT, "... and %d more (--top N shows more).%n", r.clusters().size() - top);
            }
            out.println("Name one with: facet people name CLUSTER NAME");
        }
        return 0;
    }
}
