package nl.bijstandsportaal.platform.uploads;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Turns an iPhone photo (HEIC) into a JPEG with libheif's {@code heif-convert} (Debian package libheif-examples):
 * Java cannot decode HEIC itself. The tool runs on a copy in a private temporary folder, with a time limit, and
 * everything is removed afterwards. Without the tool the portal still runs and asks the citizen for a JPEG instead
 * (ADR 0014).
 */
@Singleton
public class HeicDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(HeicDecoder.class);
    private static final long TIME_LIMIT_SECONDS = 20;

    private final String command;
    private final boolean available;

    HeicDecoder(@Value("${portal.uploads.heif-convert:heif-convert}") String command) {
        this.command = command;
        this.available = onPath(command);
        if (!available) {
            LOG.warn("'{}' not found: iPhone photos (HEIC) are refused with a message; install libheif-examples to accept them", command);
        }
    }

    public boolean available() {
        return available;
    }

    /** The photo as a JPEG (metadata still in it: the caller writes it again); empty when it cannot be converted. */
    public Optional<byte[]> toJpeg(byte[] heic) {
        if (!available) {
            return Optional.empty();
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("heic");
            Path in = Files.write(dir.resolve("in.heic"), heic);
            Path out = dir.resolve("out.jpg");
            Process process = new ProcessBuilder(command, "-q", "92", in.toString(), out.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(TIME_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                LOG.warn("heif-convert took longer than {} s; the photo was refused", TIME_LIMIT_SECONDS);
                return Optional.empty();
            }
            if (process.exitValue() != 0) {
                return Optional.empty();
            }
            // A file with more than one top-level image gives out-1.jpg, out-2.jpg ...: the first is the photo.
            try (Stream<Path> files = Files.list(dir)) {
                Optional<Path> jpeg = files.filter(p -> p.getFileName().toString().startsWith("out"))
                        .min(Comparator.comparing(p -> p.getFileName().toString()));
                return jpeg.isPresent() ? Optional.of(Files.readAllBytes(jpeg.get())) : Optional.empty();
            }
        } catch (IOException e) {
            LOG.warn("heif-convert could not be run: {}", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            removeAll(dir);
        }
    }

    private static void removeAll(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not remove a temporary folder: {}", e.getMessage());
        }
    }

    private static boolean onPath(String command) {
        if (command.contains(File.separator)) {
            return Files.isExecutable(Path.of(command));
        }
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(folder -> !folder.isEmpty() && Files.isExecutable(Path.of(folder, command)));
    }
}
