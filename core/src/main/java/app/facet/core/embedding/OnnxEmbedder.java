package app.facet.core.embedding;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImages;

/**
 * Computes face embeddings with ONNX Runtime. One session is shared by all threads ({@code OrtSession.run} is
 * thread-safe); each run uses one intra-op thread because the scan already runs one photo per core.
 * The faces of one photo go through runs of up to {@value #MAX_BATCH} when the model has a dynamic batch dimension;
 * after more than two runs (a crowd) the freed activations are handed back to the system ({@code malloc_trim}).
 */
public final class OnnxEmbedder implements AutoCloseable {

    private final EmbeddingModelDescription description;
    private final String sha256;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final String outputName;
    private final boolean dynamicBatch;
    /**
     * Largest number of faces per ONNX Runtime run: activations grow with the batch (mobilefacenet: ~6 MB per face,
     * 64 faces: ~370 MB). Runs of 4 cost the same CPU as runs of 8 and cut a 2-worker crowd scan's peak by ~40 MB
     * (docs/PERFORMANCE.md, issue 14, third pass).
     */
    static final int MAX_BATCH = 4;

    /**
     * @param model      a located (hash-verified) model
     * @param intraOpThreads ONNX Runtime threads per run (1 when several photos are analysed in parallel)
     * @throws IllegalStateException when ONNX Runtime cannot load the file or its input does not match the description
     */
    public OnnxEmbedder(LocatedModel<EmbeddingModelDescription> model, int intraOpThreads) {
        this.description = model.description();
        this.sha256 = model.sha256();
        this.session = ModelLoaderThread.call(() -> openSession(model, intraOpThreads));
        this.env = OrtEnvironment.getEnvironment();
        try {
            NodeInfo input = session.getInputInfo().get(description.inputName());
            if (input == null || !(input.getInfo() instanceof TensorInfo info) || info.getShape().length != 4) {
                throw new IllegalStateException("model " + description.id() + " has no 4-d input named '" + description.inputName()
                        + "' (inputs: " + session.getInputNames() + ")");
            }
            this.dynamicBatch = info.getShape()[0] < 0;
            this.outputName = session.getOutputNames().iterator().next();
        } catch (OrtException e) {
            close();
            throw new IllegalStateException("ONNX Runtime cannot read the inputs of " + model.file() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Runs on {@link ModelLoaderThread}: session creation needs more thread stack than a caller may have. */
    private static OrtSession openSession(LocatedModel<EmbeddingModelDescription> model, int intraOpThreads) {
        OnnxRuntimeNatives.useCachedCopy();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // The arena keeps the largest batch's activations for the life of the session (a 64-face crowd photo:
            // +370 MB resident); without it each run's buffers go back to malloc (docs/PERFORMANCE.md, issue 14).
            options.setCPUArenaAllocator(false);
            return env.createSession(model.file().toString(), options);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load " + model.file() + ": " + e.getMessage(), e);
        }
    }

    public EmbeddingModelDescription description() {
        return description;
    }

    public String sha256() {
        return sha256;
    }

    public int dimension() {
        return description.outputDimension();
    }

    /**
     * @param alignedFaces BGR faces of {@code inputSize x inputSize} pixels (from FaceAligner)
     * @return one float[dimension] per face, L2-normalised, in input order
     * @throws IllegalStateException when the run fails or the output has the wrong shape
     */
    public float[][] embed(List<Mat> alignedFaces) {
        if (alignedFaces.isEmpty()) {
            return new float[0][];
        }
        int maxBatch = dynamicBatch ? MAX_BATCH : 1;
        if (alignedFaces.size() > maxBatch) {
            List<float[]> out = new ArrayList<>(alignedFaces.size());
            for (int from = 0; from < alignedFaces.size(); from += maxBatch) {
                out.addAll(List.of(embed(alignedFaces.subList(from, Math.min(alignedFaces.size(), from + maxBatch)))));
            }
            // Each run's activations go back to malloc (no arena) but stay resident in its heap; after a crowd's runs
            // they are handed back, as the next photo would not reuse them. Not after a group photo's one or two runs:
            // a trim per photo cost more CPU (pages faulted in again) than the memory was worth (docs/PERFORMANCE.md).
            if (alignedFaces.size() > 2 * maxBatch) {
                Pointer.trimMemory();
            }
            return out.toArray(float[][]::new);
        }
        int n = alignedFaces.size(), side = description.inputSize();
        try (MatVector faces = new MatVector(alignedFaces.toArray(Mat[]::new)); Size size = new Size(side, side);
             Scalar mean = new Scalar(description.mean(), description.mean(), description.mean(), 0);
             Mat blob = blobFromImages(faces, description.scale(), size, mean,
                     description.colorOrder() == EmbeddingModelDescription.ColorOrder.RGB, false, CV_32F)) {
            FloatBuffer data = blob.createBuffer();
            try (OnnxTensor tensor = OnnxTensor.createTensor(env, data, new long[]{n, 3, side, side});
                 OrtSession.Result result = session.run(Map.of(description.inputName(), tensor))) {
                Object value = result.get(outputName).orElseThrow().getValue();
                if (!(value instanceof float[][] raw) || raw.length != n || raw[0].length != description.outputDimension()) {
                    throw new IllegalStateException("model " + description.id() + " returned an output of unexpected shape");
                }
                for (float[] v : raw) {
                    l2Normalise(v);
                }
                return raw;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("embedding with " + description.id() + " failed: " + e.getMessage(), e);
        }
    }

    /** Scales {@code v} in place to unit length (a zero vector stays zero). */
    static void l2Normalise(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        double norm = Math.sqrt(sum);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / norm);
            }
        }
    }

    /** @return cosine similarity of two L2-normalised embeddings (their dot product), in [-1, 1] */
    public static double cosineSimilarity(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("embeddings of different dimension: " + a.length + " vs " + b.length);
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the ONNX Runtime session: " + e.getMessage(), e);
        }
    }
}
