package app.facet.core.people.cluster;

import java.util.Arrays;

/**
 * Min-heap of candidate merges: (cosine distance, cluster a, cluster b, and the versions of a and b when the distance
 * was computed). The heap itself is one {@code long[]} (distance bits in the high half, slot in the low half) so
 * that sifting touches one array; the pairs live in slots that are recycled. A million entries cost ~24 MB.
 */
final class EdgeHeap {
    private long[] heap = new long[1024];
    private int size;
    private int[] a = new int[1024];
    private int[] b = new int[1024];
    private int[] va = new int[1024];
    private int[] vb = new int[1024];
    private int[] free = new int[1024];
    private int freeCount;
    private int slots;
    private int top = -1;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** @param distance cosine distance; values below 0 (rounding) count as 0 */
    void push(float distance, int ca, int cb, int versionA, int versionB) {
        int slot = allocate();
        a[slot] = ca;
        b[slot] = cb;
        va[slot] = versionA;
        vb[slot] = versionB;
        // non-negative floats order like their bit patterns
        long entry = ((long) Float.floatToRawIntBits(Math.max(0f, distance)) << 32) | slot;
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] <= entry) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = entry;
    }

    /** Removes the smallest entry; read it with the {@code top*} methods until the next pop or push. */
    void pop() {
        if (top >= 0) {
            release(top);
        }
        long first = heap[0];
        top = (int) first;
        long last = heap[--size];
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                break;
            }
            int r = l + 1;
            int m = r < size && heap[r] < heap[l] ? r : l;
            if (last <= heap[m]) {
                break;
            }
            heap[i] = heap[m];
            i = m;
        }
        if (size > 0) {
            heap[i] = last;
        }
        topKey = Float.intBitsToFloat((int) (first >>> 32));
    }

    private float topKey;

    /** Distance of the entry last popped. */
    float key() {
        return topKey;
    }

    int a() {
        return a[top];
    }

    int b() {
        return b[top];
    }

    int versionA() {
        return va[top];
    }

    int versionB() {
        return vb[top];
    }

    private int allocate() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (slots == a.length) {
            int n = slots * 2;
            a = Arrays.copyOf(a, n);
            b = Arrays.copyOf(b, n);
            va = Arrays.copyOf(va, n);
            vb = Arrays.copyOf(vb, n);
        }
        return slots++;
    }

    private void release(int slot) {
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = slot;
        top = -1;
    }
}
