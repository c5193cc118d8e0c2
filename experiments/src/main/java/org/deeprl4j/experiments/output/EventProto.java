package org.deeprl4j.experiments.output;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Hand-written protobuf encoding of the two TensorBoard {@code Event} messages we write
 * (tensorflow/core/util/event.proto, summary.proto):
 * <pre>
 * Event   { double wall_time = 1; int64 step = 2; string file_version = 3; Summary summary = 5; }
 * Summary { repeated Value value = 1; }
 * Value   { string tag = 1; float simple_value = 2; }
 * </pre>
 * Wire format: each field is a key byte {@code (field << 3) | wireType} then the value; wire type
 * 0 = varint, 1 = 64-bit little-endian, 2 = length-delimited (varint length + bytes),
 * 5 = 32-bit little-endian. As in proto3, a step of 0 (the default) is not written.
 */
final class EventProto {
    static final String FILE_VERSION = "brain.Event:2";

    private static final int WALL_TIME = 1 << 3 | 1;      // 0x09: field 1, fixed64
    private static final int STEP = 2 << 3;               // 0x10: field 2, varint
    private static final int FILE_VERSION_KEY = 3 << 3 | 2; // 0x1A: field 3, length-delimited
    private static final int SUMMARY = 5 << 3 | 2;        // 0x2A: field 5, length-delimited
    private static final int SUMMARY_VALUE = 1 << 3 | 2;  // 0x0A: Summary.value, field 1
    private static final int TAG = 1 << 3 | 2;            // 0x0A: Value.tag, field 1
    private static final int SIMPLE_VALUE = 2 << 3 | 5;   // 0x15: Value.simple_value, field 2, fixed32

    private EventProto() {
    }

    /** The first event of every file: {@code file_version = "brain.Event:2"}. */
    static byte[] fileVersion(double wallTime) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        header(out, wallTime, 0);
        bytesField(out, FILE_VERSION_KEY, FILE_VERSION.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** An event holding one scalar summary value. */
    static byte[] scalar(double wallTime, long step, String tag, float value) {
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        bytesField(v, TAG, tag.getBytes(StandardCharsets.UTF_8));
        v.write(SIMPLE_VALUE);
        fixed32(v, Float.floatToIntBits(value));
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        bytesField(summary, SUMMARY_VALUE, v.toByteArray());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        header(out, wallTime, step);
        bytesField(out, SUMMARY, summary.toByteArray());
        return out.toByteArray();
    }

    private static void header(ByteArrayOutputStream out, double wallTime, long step) {
        out.write(WALL_TIME);
        long bits = Double.doubleToLongBits(wallTime);
        fixed32(out, (int) bits);
        fixed32(out, (int) (bits >>> 32));
        if (step != 0) {
            out.write(STEP);
            varint(out, step);
        }
    }

    private static void bytesField(ByteArrayOutputStream out, int key, byte[] bytes) {
        out.write(key);
        varint(out, bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    /** Unsigned LEB128; a negative int64 takes ten bytes, as protobuf encodes it. */
    static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static void fixed32(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }
}
