// dlib HOG face detector peer for scripts/bench-compare: the detector behind the face_recognition library
// (frontal_face_detector, upsample 0). Usage: dlib_hog FILE...   Prints one line per file:
//   <faces> <cpu_ms> <path>
// and a last line "total <files> <faces> <cpu_ms>". CPU time is this process's (std::clock), detector
// construction and image loading included; an unreadable file prints "-1 0 <path>" and the run carries on.
#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/image_io.h>
#include <ctime>
#include <cstdio>

int main(int argc, char** argv) {
    std::clock_t start = std::clock();
    dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();
    long files = 0, faces = 0;
    for (int i = 1; i < argc; ++i) {
        std::clock_t t0 = std::clock();
        try {
            dlib::array2d<dlib::rgb_pixel> img;
            dlib::load_image(img, argv[i]);
            std::vector<dlib::rectangle> found = detector(img, 0);
            faces += static_cast<long>(found.size());
            ++files;
            std::printf("%zu %.1f %s\n", found.size(), 1000.0 * (std::clock() - t0) / CLOCKS_PER_SEC, argv[i]);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "dlib_hog: %s: %s\n", argv[i], e.what());
            std::printf("-1 0 %s\n", argv[i]);
        }
    }
    std::printf("total %ld %ld %.1f\n", files, faces, 1000.0 * (std::clock() - start) / CLOCKS_PER_SEC);
    return 0;
}
