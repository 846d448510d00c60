package nl.bijstandsportaal.platform.uploads;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pixels counted before decoding; a PDF that is also a web page refused; the HEIC converter boxed in. */
class UploadLimitsTest {

    @Test
    void aSmallFileWithAHugeRasterIsRefusedBeforeDecoding() {
        byte[] bomb = png(30_000, 30_000);
        assertTrue(bomb.length < 2_000, "a few hundred bytes: " + bomb.length);
        assertArrayEquals(new long[]{30_000, 30_000}, Upload.dimensions(bomb));
        Upload.Checked checked = Upload.check("bom.png", bomb);
        assertNull(checked.upload());
        assertEquals("change.error.fileTooManyPixels", checked.error().key());
    }

    @Test
    void theLimitIsASetting() throws Exception {
        byte[] photo = realPng(40, 30);
        assertNotNull(Upload.check("foto.png", photo).upload());
        Upload.Checked small = Upload.check("foto.png", photo, heic -> Optional.empty(), new Upload.Limits(Upload.MAX_BYTES, 1_000));
        assertEquals("change.error.fileTooManyPixels", small.error().key());
    }

    @Test
    void aPdfThatIsAlsoAWebPageIsRefused() {
        byte[] polyglot = ("%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n"
                + "1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("change.error.filePdfNotClean", Upload.check("brief.pdf", polyglot).error().key());
        byte[] scriptLater = (pdf() + "\n".repeat(5000) + "<SCRIPT>x</SCRIPT>").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("change.error.filePdfNotClean", Upload.check("brief.pdf", scriptLater).error().key());
        byte[] notAtStart = ("<html>" + pdf()).getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("change.error.fileType", Upload.check("brief.pdf", notAtStart).error().key(), "a PDF must start at byte 0");
    }

    @Test
    void anOrdinaryPdfIsKeptAsItIs() {
        byte[] pdf = pdf().getBytes(StandardCharsets.ISO_8859_1);
        Upload.Checked checked = Upload.check("loonstrook.pdf", pdf);
        assertNull(checked.error());
        assertArrayEquals(pdf, checked.upload().bytes());
    }

    @Test
    void theHeicConverterRunsUnderLimits() {
        HeicDecoder decoder = new HeicDecoder("heif-convert", 20, 1024);
        List<String> line = decoder.commandLine(Path.of("/tmp/x/in.heic"), Path.of("/tmp/x/out.jpg"));
        if (line.get(0).equals("prlimit")) {
            assertTrue(line.contains("--as=" + 1024L * 1024 * 1024), line.toString());
            assertTrue(line.contains("--cpu=20"), line.toString());
            assertEquals("heif-convert", line.get(line.indexOf("--") + 1));
        } else {
            assertEquals("heif-convert", line.get(0), "without prlimit: the time limit only");
        }
    }

    private static String pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n";
    }

    private static byte[] realPng(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /** A valid PNG header for width x height, with a few rows of zeros: tiny on disk, gigabytes once decoded. */
    private static byte[] png(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[(width * 3 + 1) * 4]);
        deflater.finish();
        byte[] buffer = new byte[4096];
        int n = deflater.deflate(buffer);
        byte[] idat = new byte[n];
        System.arraycopy(buffer, 0, idat, 0, n);
        chunk(out, "IDAT", idat);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
