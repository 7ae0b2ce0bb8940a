package org.radiome.image.io;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipException;

/**
 * Whole-buffer gzip decoding with <a href="https://github.com/ebiggers/libdeflate">libdeflate</a> (the
 * system library: Debian/Ubuntu package {@code libdeflate0}), called through the Java Foreign Function
 * and Memory API (JEP 454) when the runtime has it (JDK 22+). libdeflate inflates gzip images about
 * twice as fast as zlib, which {@code java.util.zip} uses (reading the IBSI CT phantom image, 3.9 MB
 * gzip, 9.8 MB of voxels: 20 instead of 36 ms of CPU; label maps 5 times faster; docs/performance.md);
 * {@link ImageInput} falls back to {@code java.util.zip} wherever this class is not {@link
 * #available()}: on JDK 17-21, without the library, without native access (enabled by radiome.jar's
 * manifest, {@code Enable-Native-Access: ALL-UNNAMED}, or {@code java --enable-native-access=ALL-UNNAMED};
 * not tried without it, so that no JVM warning is printed), or with the system property
 * {@code radiome.gzip=zlib}.
 *
 * <p>Why hand-written: the code base is compiled with {@code --release 17}, where
 * {@code java.lang.foreign} does not exist, so the few FFM calls are made through reflection and
 * method handles, resolved once per JVM (the immutable {@link Handles} below). The one Java binding
 * on Maven Central, {@code com.fulcrumgenomics:jlibdeflate} (0.x, first released 2026), is a JNI
 * library with its own native builds; this class needs no native code of ours and uses the
 * distribution's library. Three C functions of libdeflate's stable API (libdeflate.h, 1.x) are
 * used: {@code libdeflate_alloc_decompressor}, {@code libdeflate_gzip_decompress_ex} and
 * {@code libdeflate_free_decompressor}.
 *
 * <p>Semantics follow {@link java.util.zip.GZIPInputStream}: concatenated members are decoded one
 * after another; bytes after a member that do not start with the gzip magic are ignored. libdeflate
 * checks each member's CRC-32 and length trailer; data it cannot decode ({@code LIBDEFLATE_BAD_DATA})
 * is reported as a {@link ZipException}.
 *
 * <p>Thread-safe: every call allocates its own decompressor (libdeflate's decompressor is not
 * thread-safe) and its own native memory.
 */
final class Libdeflate {
    /** libdeflate_result values (libdeflate.h). */
    private static final int SUCCESS = 0, BAD_DATA = 1, INSUFFICIENT_SPACE = 3;
    /** Smallest gzip member: 10-byte header, empty deflate block, 8-byte trailer. */
    private static final int GZIP_MIN_MEMBER = 18;
    /** DEFLATE cannot expand data more than 1032:1 (RFC 1951: a 258-byte match costs at least 2 bits). */
    private static final long MAX_RATIO = 1032;
    /** Decoded data are served through one {@link ByteBuffer}, so they must fit an int index. */
    private static final long MAX_OUTPUT = Integer.MAX_VALUE - 8;

    private Libdeflate() {}

    /** Whether libdeflate can be used in this JVM; when not, {@link #unavailableReason()} says why. */
    static boolean available() {
        return Holder.HANDLES.unavailable == null;
    }

    /** Why libdeflate is not used (null when it is): old JDK, no library, native access denied, or switched off. */
    static String unavailableReason() {
        return Holder.HANDLES.unavailable;
    }

    /** Writes the compressed data into native memory. */
    interface Source {
        /** Puts the compressed bytes into {@code dst}, at most its remaining space (fewer if the data end early). */
        void fill(ByteBuffer dst) throws IOException;
    }

    /**
     * The data of the gzip stream of (at most) {@code length} bytes that {@code source} writes, all
     * members, in native memory that stays valid until the result is closed (by the thread that
     * called this method). Returns null when libdeflate cannot decode it for a reason other than
     * corrupt data (not {@link #available()}, the data would exceed 2 GiB, native memory exhausted, an
     * unexpected FFM failure): the caller then uses {@code java.util.zip}.
     *
     * @throws ZipException for truncated or corrupt gzip data, or a bad CRC-32 or length trailer
     * @throws IOException  from {@code source}
     */
    static Decoded gunzip(long length, Source source) throws IOException {
        Handles h = Holder.HANDLES;
        if (h.unavailable != null) return null;
        try {
            return h.gunzip(length, source);
        } catch (IOException e) {
            throw e;
        } catch (Throwable e) { // an FFM or native-memory failure is no reason to fail the read: use zlib
            if (e instanceof VirtualMachineError && !(e instanceof OutOfMemoryError)) throw (VirtualMachineError) e;
            System.getLogger("org.radiome.image").log(System.Logger.Level.DEBUG, "libdeflate failed, using java.util.zip", e);
            return null;
        }
    }

    /** Decoded bytes in native memory: {@link #data()} from position 0 to its limit; {@link #close()} frees it. */
    static final class Decoded implements AutoCloseable {
        private final ByteBuffer data;
        private final AutoCloseable arena;

        private Decoded(ByteBuffer data, AutoCloseable arena) {
            this.data = data;
            this.arena = arena;
        }

        ByteBuffer data() { return data; }

        @Override
        public void close() {
            closeArena(arena);
        }
    }

    /** Lazy, thread-safe initialisation (class-holder idiom): the handles are resolved on first use only. */
    private static final class Holder {
        static final Handles HANDLES = Handles.load();
    }

    /** The method handles of the FFM API and of the three libdeflate functions; immutable. */
    private static final class Handles {
        final String unavailable;
        final MethodHandle ofConfined;      // () -> Arena
        final MethodHandle allocate;        // (Arena, long) -> MemorySegment
        final MethodHandle asSlice;         // (MemorySegment, long) -> MemorySegment
        final MethodHandle asByteBuffer;    // (MemorySegment) -> ByteBuffer
        final MethodHandle address;         // (MemorySegment) -> long
        final MethodHandle allocDecompressor; // () -> struct libdeflate_decompressor *
        final MethodHandle gzipDecompressEx;  // (d, in, in_nbytes, out, out_nbytes_avail, *actual_in, *actual_out) -> int
        final MethodHandle freeDecompressor;  // (d) -> void

        private Handles(String unavailable) {
            this.unavailable = unavailable;
            ofConfined = allocate = asSlice = asByteBuffer = address = null;
            allocDecompressor = gzipDecompressEx = freeDecompressor = null;
        }

        private Handles(MethodHandle[] mh) {
            unavailable = null;
            ofConfined = mh[0];
            allocate = mh[1];
            asSlice = mh[2];
            asByteBuffer = mh[3];
            address = mh[4];
            allocDecompressor = mh[5];
            gzipDecompressEx = mh[6];
            freeDecompressor = mh[7];
        }

        static Handles load() {
            String why;
            try {
                why = reasonNotToUse();
                if (why == null) return new Handles(resolve());
            } catch (LinkageError | ReflectiveOperationException | RuntimeException e) {
                // library missing (IllegalArgumentException from libraryLookup), native access denied
                // (IllegalCallerException), or an FFM API that differs from JDK 22's
                Throwable cause = e instanceof InvocationTargetException && e.getCause() != null ? e.getCause() : e;
                why = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
            System.getLogger("org.radiome.image").log(System.Logger.Level.DEBUG, "gzip via java.util.zip, libdeflate not used: " + why);
            return new Handles(why);
        }

        /** Why libdeflate must not be tried in this JVM, or null. */
        private static String reasonNotToUse() throws ReflectiveOperationException {
            if (System.getProperty("radiome.gzip", "").trim().toLowerCase(Locale.ROOT).equals("zlib")) {
                return "switched off (radiome.gzip=zlib)";
            }
            if (Runtime.version().feature() < 22) {
                return "the Java runtime (" + Runtime.version().feature() + ") has no Foreign Function and Memory API (JDK 22+)";
            }
            if (!nativeAccessEnabled()) {
                return "native access is not enabled for " + Libdeflate.class.getModule()
                        + " (java --enable-native-access=ALL-UNNAMED, or Enable-Native-Access in the jar manifest)";
            }
            return null;
        }

        /**
         * Whether this module may call restricted FFM methods without the JVM printing a warning (JDK 22+
         * {@code Module.isNativeAccessEnabled}): without it libdeflate is not used, so an application that
         * runs Radiome from the class path sees no warning and gets java.util.zip.
         */
        private static boolean nativeAccessEnabled() throws ReflectiveOperationException {
            return (boolean) Module.class.getMethod("isNativeAccessEnabled").invoke(Libdeflate.class.getModule());
        }

        /** Looks up libdeflate and builds the handles; every failure is an exception (caught by {@link #load}). */
        private static MethodHandle[] resolve() throws ReflectiveOperationException {
            ClassLoader boot = null;
            Class<?> arenaC = Class.forName("java.lang.foreign.Arena", false, boot);
            Class<?> segmentC = Class.forName("java.lang.foreign.MemorySegment", false, boot);
            Class<?> layoutC = Class.forName("java.lang.foreign.MemoryLayout", false, boot);
            Class<?> valueLayoutC = Class.forName("java.lang.foreign.ValueLayout", false, boot);
            Class<?> descriptorC = Class.forName("java.lang.foreign.FunctionDescriptor", false, boot);
            Class<?> linkerC = Class.forName("java.lang.foreign.Linker", false, boot);
            Class<?> optionC = Class.forName("java.lang.foreign.Linker$Option", false, boot);
            Class<?> lookupC = Class.forName("java.lang.foreign.SymbolLookup", false, boot);

            Object linker = linkerC.getMethod("nativeLinker").invoke(null);
            Object address = valueLayoutC.getField("ADDRESS").get(null);
            Object jint = valueLayoutC.getField("JAVA_INT").get(null);
            Object jlong = valueLayoutC.getField("JAVA_LONG").get(null);
            long pointerBytes = (long) layoutC.getMethod("byteSize").invoke(address);
            if (pointerBytes != 8) throw new UnsupportedOperationException("size_t of " + pointerBytes + " bytes (64-bit platforms only)");

            Object library = libraryLookup(lookupC, arenaC);
            Method find = lookupC.getMethod("find", String.class);
            Method downcall = linkerC.getMethod("downcallHandle", segmentC, descriptorC, optionC.arrayType());
            Method of = descriptorC.getMethod("of", layoutC, layoutC.arrayType());
            Method ofVoid = descriptorC.getMethod("ofVoid", layoutC.arrayType());
            Object noOptions = Array.newInstance(optionC, 0);

            Object allocD = of.invoke(null, address, layouts(layoutC));
            Object decompressD = of.invoke(null, jint, layouts(layoutC, address, address, jlong, address, jlong, address, address));
            Object freeD = ofVoid.invoke(null, (Object) layouts(layoutC, address));
            MethodHandle alloc = (MethodHandle) downcall.invoke(linker, symbol(find, library, "libdeflate_alloc_decompressor"), allocD, noOptions);
            MethodHandle decompress = (MethodHandle) downcall.invoke(linker, symbol(find, library, "libdeflate_gzip_decompress_ex"), decompressD, noOptions);
            MethodHandle free = (MethodHandle) downcall.invoke(linker, symbol(find, library, "libdeflate_free_decompressor"), freeD, noOptions);

            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            return new MethodHandle[] {
                lookup.findStatic(arenaC, "ofConfined", MethodType.methodType(arenaC)).asType(MethodType.methodType(Object.class)),
                lookup.findVirtual(arenaC, "allocate", MethodType.methodType(segmentC, long.class))
                        .asType(MethodType.methodType(Object.class, Object.class, long.class)),
                lookup.findVirtual(segmentC, "asSlice", MethodType.methodType(segmentC, long.class))
                        .asType(MethodType.methodType(Object.class, Object.class, long.class)),
                lookup.findVirtual(segmentC, "asByteBuffer", MethodType.methodType(ByteBuffer.class))
                        .asType(MethodType.methodType(ByteBuffer.class, Object.class)),
                lookup.findVirtual(segmentC, "address", MethodType.methodType(long.class))
                        .asType(MethodType.methodType(long.class, Object.class)),
                alloc.asType(MethodType.methodType(Object.class)),
                decompress.asType(MethodType.methodType(int.class, Object.class, Object.class, long.class, Object.class, long.class,
                        Object.class, Object.class)),
                free.asType(MethodType.methodType(void.class, Object.class)),
            };
        }

        /** The library by its file names on Linux (the runtime package has only the versioned name), macOS and Windows. */
        private static Object libraryLookup(Class<?> lookupC, Class<?> arenaC) throws ReflectiveOperationException {
            Method libraryLookup = lookupC.getMethod("libraryLookup", String.class, arenaC);
            Object global = arenaC.getMethod("global").invoke(null);
            String[] names = {"libdeflate.so.0", System.mapLibraryName("deflate"), "libdeflate.0.dylib", "libdeflate.dll"};
            InvocationTargetException last = null;
            for (String name : names) {
                try {
                    return libraryLookup.invoke(null, name, global);
                } catch (InvocationTargetException e) {
                    if (!(e.getCause() instanceof IllegalArgumentException)) throw e; // e.g. native access denied
                    last = e;
                }
            }
            throw new UnsupportedOperationException("libdeflate not found (install the package libdeflate0)", last);
        }

        private static Object symbol(Method find, Object library, String name) throws ReflectiveOperationException {
            Optional<?> symbol = (Optional<?>) find.invoke(library, name);
            return symbol.orElseThrow(() -> new UnsupportedOperationException("libdeflate has no " + name));
        }

        private static Object layouts(Class<?> layoutC, Object... layouts) {
            Object array = Array.newInstance(layoutC, layouts.length);
            for (int i = 0; i < layouts.length; i++) Array.set(array, i, layouts[i]);
            return array;
        }

        /**
         * Decodes every member into one output buffer, sized from the last member's ISIZE trailer
         * (exact for a single member; only a hint otherwise, and capped by the 1032:1 DEFLATE limit,
         * so a forged trailer cannot make it allocate gigabytes) and doubled whenever libdeflate says
         * it is too small.
         */
        Decoded gunzip(long maxLength, Source source) throws Throwable {
            Object work = ofConfined.invokeExact();
            Object outArena = null;
            Object decompressor = null;
            try {
                Object in = allocate.invokeExact(work, Math.max(maxLength, 1));
                ByteBuffer compressed = asByteBuffer(in).limit((int) maxLength);
                source.fill(compressed);
                int length = compressed.position();
                long limit = Math.min(MAX_OUTPUT, (long) length * MAX_RATIO);
                long capacity = length >= GZIP_MIN_MEMBER ? Math.min(isize(compressed, length), limit) : 0;
                Object sizes = allocate.invokeExact(work, 16L); // size_t actual_in_nbytes, actual_out_nbytes
                ByteBuffer sizesView = asByteBuffer(sizes).order(ByteOrder.nativeOrder());
                Object sizeIn = (Object) asSlice.invokeExact(sizes, 0L), sizeOut = (Object) asSlice.invokeExact(sizes, 8L);
                decompressor = allocDecompressor.invokeExact();
                if ((long) address.invokeExact(decompressor) == 0) throw new OutOfMemoryError("libdeflate_alloc_decompressor");

                outArena = ofConfined.invokeExact();
                Object out = allocate.invokeExact(outArena, Math.max(capacity, 1));
                long inPos = 0, outPos = 0;
                while (true) {
                    Object inAt = (Object) asSlice.invokeExact(in, inPos), outAt = (Object) asSlice.invokeExact(out, outPos);
                    int result = (int) gzipDecompressEx.invokeExact(decompressor, inAt, length - inPos, outAt, capacity - outPos, sizeIn, sizeOut);
                    if (result == INSUFFICIENT_SPACE) {
                        if (capacity >= limit) return null; // more than 2 GiB (or a broken ratio): let java.util.zip stream it
                        long grown = Math.min(limit, Math.max(2 * capacity, 1 << 16));
                        Object biggerArena = ofConfined.invokeExact();
                        Object bigger = allocate.invokeExact(biggerArena, grown);
                        asByteBuffer(bigger).put(asByteBuffer(out).limit((int) outPos));
                        closeArena(outArena);
                        outArena = biggerArena;
                        out = bigger;
                        capacity = grown;
                        continue;
                    }
                    if (result == BAD_DATA) throw new ZipException("libdeflate: invalid gzip data or CRC-32/length mismatch" + (inPos > 0 ? " in member at byte " + inPos : ""));
                    if (result != SUCCESS) throw new IllegalStateException("libdeflate_gzip_decompress_ex returned " + result);
                    inPos += sizesView.getLong(0);
                    outPos += sizesView.getLong(8);
                    if (!nextMember(compressed, inPos, length)) break;
                }
                ByteBuffer data = asByteBuffer(out).limit((int) outPos).slice();
                Decoded decoded = new Decoded(data, (AutoCloseable) outArena);
                outArena = null;
                return decoded;
            } finally {
                if (decompressor != null) freeDecompressor.invokeExact(decompressor);
                if (outArena != null) closeArena(outArena);
                closeArena(work);
            }
        }

        private ByteBuffer asByteBuffer(Object segment) throws Throwable {
            return (ByteBuffer) asByteBuffer.invokeExact(segment);
        }

        /** ISIZE, the trailer's length of the (last) member's data modulo 2<sup>32</sup>. */
        private static long isize(ByteBuffer b, int length) {
            return (b.get(length - 4) & 0xffL) | (b.get(length - 3) & 0xffL) << 8 | (b.get(length - 2) & 0xffL) << 16
                    | (b.get(length - 1) & 0xffL) << 24;
        }

        /**
         * Whether another member starts at {@code pos}. As {@link java.util.zip.GZIPInputStream} does,
         * bytes that do not start with a gzip header (ID1 ID2 CM = 1f 8b 08) are ignored.
         */
        private static boolean nextMember(ByteBuffer b, long pos, int length) {
            if (pos + 3 > length) return false;
            int i = (int) pos;
            return (b.get(i) & 0xff) == 0x1f && (b.get(i + 1) & 0xff) == 0x8b && b.get(i + 2) == 8;
        }
    }

    private static void closeArena(Object arena) {
        try {
            ((AutoCloseable) arena).close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // Arena.close declares no checked exception
        }
    }
}
