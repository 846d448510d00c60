package nl.bijstandsportaal.platform.uploads;

import io.micronaut.http.multipart.CompletedFileUpload;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Checks proof as it arrives (see {@link Upload#check}), with iPhone photos (HEIC) converted where the tool is there. */
@Singleton
public class Uploads {

    private final HeicDecoder heic;

    Uploads(HeicDecoder heic) {
        this.heic = heic;
    }

    public Upload.Checked check(String name, byte[] bytes) {
        return Upload.check(name, bytes, heic::toJpeg);
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
