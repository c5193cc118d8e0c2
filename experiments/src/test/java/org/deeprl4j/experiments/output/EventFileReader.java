package org.deeprl4j.experiments.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-side reader of TensorBoard event files, written independently of the writer: checks both
 * masked CRCs of every record and decodes the Event fields we use.
 */
final class EventFileReader {
    /** A decoded event; {@code tag} is null for the file_version event. */
    record Event(double wallTime, long step, String fileVersion, String tag, float value) {
    }

    private EventFileReader() {
    }

    static List<Event> read(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        List<Event> events = new ArrayList<>();
        while (buf.hasRemaining()) {
            byte[] len = new byte[8];
            buf.get(len);
            check(len, buf.getInt(), "length");
            long n = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getLong();
            byte[] data = new byte[(int) n];
            buf.get(data);
            check(data, buf.getInt(), "data");
            events.add(decode(ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN)));
        }
        return events;
    }

    private static void check(byte[] bytes, int stored, String what) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes);
        int c = (int) crc.getValue();
        int masked = ((c >>> 15) | (c << 17)) + 0xa282ead8;
        if (masked != stored) {
            throw new AssertionError("bad " + what + " CRC");
        }
    }

    private static Event decode(ByteBuffer b) {
        double wall = 0;
        long step = 0;
        String version = null;
        String tag = null;
        float value = Float.NaN;
        while (b.hasRemaining()) {
            int key = b.get() & 0xFF;
            switch (key) {
                case 0x09 -> wall = b.getDouble();
                case 0x10 -> step = varint(b);
                case 0x1A -> version = string(b);
                case 0x2A -> {
                    varint(b);                       // summary length
                    expect(b, 0x0A);                 // Summary.value
                    varint(b);                       // value length
                    expect(b, 0x0A);                 // Value.tag
                    tag = string(b);
                    expect(b, 0x15);                 // Value.simple_value
                    value = b.getFloat();
                }
                default -> throw new AssertionError("unexpected key " + key);
            }
        }
        return new Event(wall, step, version, tag, value);
    }

    private static void expect(ByteBuffer b, int key) {
        int k = b.get() & 0xFF;
        if (k != key) {
            throw new AssertionError("expected key " + key + ", got " + k);
        }
    }

    private static String string(ByteBuffer b) {
        byte[] s = new byte[(int) varint(b)];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    private static long varint(ByteBuffer b) {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            int x = b.get() & 0xFF;
            v |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
    }
}
