package app.facet.core.people;

import app.facet.core.people.recognition.GalleryMatcher;
import app.facet.core.people.recognition.PersonGallery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recognition time per face against 1,000 people (each known by 10 user-assigned faces, so centroid + 5 exemplars),
 * and the whole {@link RecognitionService#recognize(boolean)} on a real SQLite catalog.
 * <p>
 * Usage: {@code BENCH_JAVA_OPTS="-Xmx1g -XX:ActiveProcessorCount=2" scripts/bench core app.facet.core.people.RecognitionBenchmark [PEOPLE] [UNKNOWN]}
 */
public final class RecognitionBenchmark {
    public static void main(String[] args) throws Exception {
        int people = Integer.parseInt(args.length > 0 ? args[0] : "1000");
        int unknown = Integer.parseInt(args.length > 1 ? args[1] : "20000");
        int known = 10;
        SyntheticFaces data = SyntheticFaces.generate(people * known + unknown, people, 0, 0.075, 0.10, 7);
        List<List<float[]>> byPerson = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            byPerson.add(new ArrayList<>());
        }
        List<Integer> queries = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            List<float[]> mine = byPerson.get(data.identity()[i]);
            if (mine.size() < known) {
                mine.add(data.vectors()[i]);
            } else {
                queries.add(i);
            }
        }
        long t = System.nanoTime();
        List<PersonGallery> galleries = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            galleries.add(PersonGallery.of(p, byPerson.get(p), Collections.nCopies(byPerson.get(p).size(), true)));
        }
        GalleryMatcher matcher = new GalleryMatcher(galleries);
        double buildMs = (System.nanoTime() - t) / 1e6;
        // warm up, then one thread, so the figure is per face per core
        for (int i = 0; i < Math.min(2000, queries.size()); i++) {
            matcher.match(data.vectors()[queries.get(i)], Set.of());
        }
        List<float[]> queryVectors = queries.stream().map(q -> data.vectors()[q]).toList();
        List<Set<Long>> noRefusals = Collections.nCopies(queries.size(), Set.of());
        matcher.matchAll(queryVectors.subList(0, Math.min(2000, queries.size())), noRefusals.subList(0, Math.min(2000, queries.size())));
        t = System.nanoTime();
        GalleryMatcher.Match[] all = matcher.matchAll(queryVectors, noRefusals);
        double blockedUs = (System.nanoTime() - t) / 1e3 / queries.size();
        t = System.nanoTime();
        int correct = 0, auto = 0;
        PeopleThresholds th = PeopleThresholds.MOBILEFACENET_DEFAULTS;
        for (int k = 0; k < queries.size(); k++) {
            int q = queries.get(k);
            GalleryMatcher.Match m = matcher.match(data.vectors()[q], Set.of());
            if (!m.equals(all[k])) {
                throw new IllegalStateException("matchAll and match disagree on face " + k + ": " + m + " vs " + all[k]);
            }
            if (m.similarity() >= th.autoSimilarity() && m.similarity() - m.runnerUp() >= RecognitionService.AMBIGUITY_MARGIN) {
                auto++;
                if (m.personId() == data.identity()[q]) {
                    correct++;
                }
            }
        }
        double perFaceUs = (System.nanoTime() - t) / 1e3 / queries.size();
        System.out.printf(Locale.ROOT, "%d people (galleries built in %.0f ms), %d faces matched on one thread: %.1f µs per face "
                        + "one at a time, %.1f µs per face in blocks (matchAll); %d auto-assigned, %.4f of them correct%n", people, buildMs,
                queries.size(), perFaceUs, blockedUs, auto, auto == 0 ? 0 : (double) correct / auto);

        Path dir = Files.createTempDirectory("facet-recognition-bench");
        PeopleFixture fx = PeopleFixture.create(dir);
        PeopleService service = new PeopleService(fx.catalog);
        for (int p = 0; p < people; p++) {
            long[] ids = fx.faces(byPerson.get(p).toArray(new float[0][]), new double[byPerson.get(p).size()]);
            List<Long> list = new ArrayList<>();
            for (long id : ids) {
                list.add(id);
            }
            service.split(list, "Person " + p);
        }
        float[][] unknownVectors = new float[queries.size()][];
        double[] quality = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            unknownVectors[i] = data.vectors()[queries.get(i)];
            quality[i] = 0.8;
        }
        fx.faces(unknownVectors, quality);
        RecognitionService recognition = new RecognitionService(fx.catalog, th, new UndoHistory());
        t = System.nanoTime();
        RecognitionSummary s = recognition.recognize(false);
        double totalS = (System.nanoTime() - t) / 1e9;
        System.out.printf(Locale.ROOT, "RecognitionService.recognize() on SQLite, %d cores: %.2f s for %d faces (%.0f µs per face, "
                        + "reading and writing included): %d auto, %d suggested, %d unknown%n", Runtime.getRuntime().availableProcessors(),
                totalS, s.facesChecked(), totalS * 1e6 / s.facesChecked(), s.autoAssigned(), s.suggested(), s.unknown());
    }
}
