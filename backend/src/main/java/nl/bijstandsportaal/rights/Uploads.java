package nl.bijstandsportaal.rights;

import jakarta.inject.Singleton;

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
}
