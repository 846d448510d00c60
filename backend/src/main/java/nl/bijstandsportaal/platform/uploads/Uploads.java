package nl.bijstandsportaal.platform.uploads;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.multipart.CompletedFileUpload;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Checks proof as it arrives (see {@link Upload#check}), with iPhone photos (HEIC) converted where the tool is there,
 * and photos with more than {@code portal.uploads.max-megapixels} million pixels refused before decoding.
 */
@Singleton
public class Uploads {

    private final HeicDecoder heic;
    private final Upload.Limits limits;

    Uploads(HeicDecoder heic, @Value("${portal.uploads.max-megapixels:50}") int maxMegapixels) {
        this.heic = heic;
        this.limits = new Upload.Limits(Upload.MAX_BYTES, maxMegapixels * 1_000_000L);
    }

    public Upload.Checked check(String name, byte[] bytes) {
        return Upload.check(name, bytes, heic::toJpeg, limits);
    }

    /** A file from a page's form; none chosen reads as an empty file (its own message). */
    public Upload.Checked check(CompletedFileUpload file) {
        return file == null ? check(null, new byte[0]) : check(file.getFilename(), bytes(file));
    }

    private static byte[] bytes(CompletedFileUpload upload) {
        try {
            return upload.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
