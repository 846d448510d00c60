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

    /**
     * A photo decoded and written again: what a phone adds (place, time, camera) is not kept. A PDF is kept as it is.
     * Empty when the photo cannot be decoded (e.g. a CMYK JPEG).
     */
    public Optional<Upload> withoutMetadata() {
        if (type == Type.PDF) {
            return Optional.of(this);
        }
        try {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            if (image == null) {
                return Optional.empty();
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
            return Optional.of(new Upload(name, out.toByteArray(), type));
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
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
        if (bytes == null || bytes.length == 0) {
            return new Checked(null, Text.of("change.error.fileEmpty"));
        }
        if (bytes.length > MAX_BYTES) {
            return new Checked(null, Text.of("change.error.fileTooBig", MAX_BYTES / 1024 / 1024));
        }
        Optional<Type> type = sniff(bytes);
        if (type.isEmpty() && isHeic(bytes)) {
            Optional<byte[]> jpeg = heicToJpeg.convert(bytes).filter(converted -> sniff(converted).orElse(null) == Type.JPEG);
            if (jpeg.isEmpty()) {
                return new Checked(null, Text.of("change.error.fileHeic"));
            }
            String jpegName = name == null ? "foto.jpg" : name.replaceFirst("(?i)\\.(heic|heif)$", "") + ".jpg";
            return check(jpegName, jpeg.get(), heicToJpeg);
        }
        if (type.isEmpty()) {
            return new Checked(null, Text.of("change.error.fileType"));
        }
        return new Upload(name == null ? "" : name, bytes, type.get()).withoutMetadata()
                .map(clean -> new Checked(clean, null))
                .orElseGet(() -> new Checked(null, Text.of("change.error.fileUnreadable")));
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
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
