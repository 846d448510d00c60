package nl.bijstandsportaal.platform.uploads;

import nl.bijstandsportaal.platform.i18n.Text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Proof sent with a change or an income report: a phone photo (JPEG, PNG, HEIC) or a PDF, at most {@link #MAX_BYTES}.
 * The kind is decided by the file's first bytes, not by its name or the type the browser claims. An iPhone photo in
 * HEIC is converted to JPEG when the converter is there; otherwise it gets its own message saying what to do. Photos
 * are written again without their metadata.
 */
public record Upload(String name, byte[] bytes, Type type) {

    public static final int MAX_BYTES = 10 * 1024 * 1024;

    public enum Type {
        PDF("application/pdf"), JPEG("image/jpeg"), PNG("image/png");

        private final String mediaType;

        Type(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    /** What {@link #check} allows: the bytes of a file and the pixels of a photo (width times height). */
    public record Limits(int maxBytes, long maxPixels) {
        /** 10 MB, and 50 million pixels: a phone's largest photos, about 150 MB once decoded. */
        public static final Limits DEFAULT = new Limits(MAX_BYTES, 50_000_000L);
    }

    /**
     * A photo decoded and written again: what a phone adds (place, time, camera) is not kept. The size of the photo
     * is read from its header first: one with more pixels than allowed is refused before anything is decoded (a small
     * PNG can unpack to gigabytes). Running out of memory while decoding is a refusal ("try again later"), never a crash.
     * A PDF is kept as it is when it is only a PDF (see {@link #isOnlyPdf}).
     */
    Checked cleaned(long maxPixels) {
        if (type == Type.PDF) {
            return isOnlyPdf(bytes) ? new Checked(this, null) : new Checked(null, Text.of("change.error.filePdfNotClean"));
        }
        long[] size = dimensions(bytes);
        if (size == null) {
            return new Checked(null, Text.of("change.error.fileUnreadable"));
        }
        if (size[0] <= 0 || size[1] <= 0 || size[0] * size[1] > maxPixels) {
            return new Checked(null, Text.of("change.error.fileTooManyPixels"));
        }
        try {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            if (image == null) {
                return new Checked(null, Text.of("change.error.fileUnreadable"));
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length);
            if (type == Type.PNG) {
                javax.imageio.ImageIO.write(image, "png", out);
            } else {
                javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
                javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.9f);
                try (var stream = javax.imageio.ImageIO.createImageOutputStream(out)) {
                    writer.setOutput(stream);
                    writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
                } finally {
                    writer.dispose();
                }
            }
            return new Checked(new Upload(name, out.toByteArray(), type), null);
        } catch (OutOfMemoryError e) {
            return new Checked(null, Text.of("change.error.fileBusy"));
        } catch (java.io.IOException | RuntimeException e) {
            return new Checked(null, Text.of("change.error.fileUnreadable"));
        }
    }

    /** Width and height from the image's header, without decoding it; null when no reader knows the format. */
    static long[] dimensions(byte[] bytes) {
        try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(bytes))) {
            java.util.Iterator<javax.imageio.ImageReader> readers = in == null ? null : javax.imageio.ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new long[]{reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** Marks of HTML, SVG or XML that a browser could act on; none belongs in a PDF's first bytes. */
    private static final String[] MARKUP = {"<html", "<!doctype", "<script", "<body", "<head", "<iframe", "<svg", "<?xml",
            "<meta", "<object", "<embed", "<img", "<a ", "<div", "<form", "javascript:"};

    /**
     * A PDF that is nothing else: it starts with {@code %PDF-} at the first byte (checked by {@link #sniff}), has no
     * HTML or script in its first 2 KB (where a browser sniffing the type looks) and no {@code <script} or
     * {@code <html} anywhere. A file that is a PDF and a web page at once (a polyglot) is refused rather than stored.
     */
    static boolean isOnlyPdf(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 2048), StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        for (String mark : MARKUP) {
            if (head.contains(mark)) {
                return false;
            }
        }
        return !containsIgnoreCase(b, "<script") && !containsIgnoreCase(b, "<html");
    }

    private static boolean containsIgnoreCase(byte[] b, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= b.length - n.length; i++) {
            for (int j = 0; j < n.length; j++) {
                int c = b[i + j];
                if (c >= 'A' && c <= 'Z') {
                    c += 'a' - 'A';
                }
                if (c != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** A checked upload, or the message for the field {@code bewijs}. */
    public record Checked(Upload upload, Text error) {
    }

    /** Converts a HEIC photo to JPEG; empty when it cannot. */
    @FunctionalInterface
    public interface HeicToJpeg {
        Optional<byte[]> convert(byte[] heic);
    }

    /** Without a HEIC converter: an iPhone photo gets a message saying how to send a JPEG. */
    public static Checked check(String name, byte[] bytes) {
        return check(name, bytes, heic -> Optional.empty());
    }

    public static Checked check(String name, byte[] bytes, HeicToJpeg heicToJpeg) {
        return check(name, bytes, heicToJpeg, Limits.DEFAULT);
    }

    public static Checked check(String name, byte[] bytes, HeicToJpeg heicToJpeg, Limits limits) {
        if (bytes == null || bytes.length == 0) {
            return new Checked(null, Text.of("change.error.fileEmpty"));
        }
        if (bytes.length > limits.maxBytes()) {
            return new Checked(null, Text.of("change.error.fileTooBig", limits.maxBytes() / 1024 / 1024));
        }
        Optional<Type> type = sniff(bytes);
        if (type.isEmpty() && isHeic(bytes)) {
            Optional<byte[]> jpeg = heicToJpeg.convert(bytes).filter(converted -> sniff(converted).orElse(null) == Type.JPEG);
            if (jpeg.isEmpty()) {
                return new Checked(null, Text.of("change.error.fileHeic"));
            }
            String jpegName = name == null ? "foto.jpg" : name.replaceFirst("(?i)\\.(heic|heif)$", "") + ".jpg";
            // the converted photo may be larger than the HEIC: its bytes are not held against the citizen, its pixels are
            return check(jpegName, jpeg.get(), heicToJpeg, new Limits(Integer.MAX_VALUE, limits.maxPixels()));
        }
        if (type.isEmpty()) {
            return new Checked(null, Text.of("change.error.fileType"));
        }
        return new Upload(name == null ? "" : name, bytes, type.get()).cleaned(limits.maxPixels());
    }

    static Optional<Type> sniff(byte[] b) {
        if (startsWith(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(Type.PDF);
        }
        if (startsWith(b, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(Type.JPEG);
        }
        if (startsWith(b, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return Optional.of(Type.PNG);
        }
        return Optional.empty();
    }

    private static boolean isHeic(byte[] b) {
        if (b.length < 12) {
            return false;
        }
        String brand = new String(b, 4, 8, StandardCharsets.US_ASCII);
        return brand.startsWith("ftyphei") || brand.startsWith("ftyphev") || brand.startsWith("ftypmif1") || brand.startsWith("ftypmsf1");
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The file name without folders or odd characters, for the consulent's download. */
    public String safeName() {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N} ._()-]", "_").strip();
        if (base.isEmpty()) {
            base = "bewijs";
        }
        return base.length() > 150 ? base.substring(base.length() - 150) : base;
    }

    public String sha256() {
        return sha256(bytes);
    }

    /** The SHA-256 of these bytes, as hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
