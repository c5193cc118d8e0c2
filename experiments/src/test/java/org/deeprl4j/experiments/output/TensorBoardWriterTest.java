package org.deeprl4j.experiments.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorBoardWriterTest {
    @TempDir
    Path dir;

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void jdkCrc32cMatchesTheStandardCheckValue() {
        CRC32C crc = new CRC32C();
        crc.update("123456789".getBytes(StandardCharsets.US_ASCII));
        assertEquals(0xE3069283L, crc.getValue());
    }

    @Test
    void maskRotatesRightBy15AndAddsTheConstant() {
        // crc = 0xf207be3a: rotr15 = (crc >>> 15) | (crc << 17) = 0x0001e40f | 0x7c740000 = 0x7c75e40f;
        // + 0xa282ead8 = 0x11ef8cee7, truncated to 32 bits = 0x1ef8cee7.
        assertEquals(0x1ef8cee7, TensorBoardWriter.mask(0xf207be3a));
    }

    /**
     * Event{wall_time=1.5, step=3, summary{value{tag="a", simple_value=2.0}}}, encoded by hand:
     * <pre>
     * Value   = 0A 01 61               tag: key (1&lt;&lt;3|2), length 1, 'a'
     *           15 00 00 00 40         simple_value: key (2&lt;&lt;3|5), 2.0f = 0x40000000 little-endian
     * Summary = 0A 08 [Value]          value: key (1&lt;&lt;3|2), length 8
     * Event   = 09 00 00 00 00 00 00 F8 3F   wall_time: key (1&lt;&lt;3|1), 1.5 = 0x3FF8000000000000 LE
     *           10 03                  step: key (2&lt;&lt;3|0), varint 3
     *           2A 0A [Summary]        summary: key (5&lt;&lt;3|2), length 10
     * </pre>
     * 23 bytes. The record is length 23 as uint64 LE, then the masked CRC32C of those 8 bytes
     * (CRC 0xf207be3a, masked 0x1ef8cee7, written LE), the data, and the masked CRC32C of the data
     * (CRC 0x99087d5b, masked 0x9d3a1ce8). The CRCs were computed with an independent bitwise
     * CRC32C (reflected polynomial 0x82F63B78) that reproduces the check value 0xE3069283.
     */
    @Test
    void scalarEventAndRecordMatchHandEncodedBytes() {
        byte[] event = hex("09 0000000000 00F83F 1003 2A0A 0A08 0A0161 1500000040");
        assertArrayEquals(event, EventProto.scalar(1.5, 3, "a", 2.0f));
        byte[] record = hex("1700000000000000 e7cef81e");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(record);
        expected.writeBytes(event);
        expected.writeBytes(hex("e81c3a9d"));
        assertArrayEquals(expected.toByteArray(), TensorBoardWriter.record(event));
    }

    /** Event{wall_time=1.5, file_version="brain.Event:2"}: step 0 is the proto3 default and omitted. */
    @Test
    void fileVersionEventMatchesHandEncodedBytes() {
        byte[] expected = hex("09 000000000000F83F 1A0D 627261696e2e4576656e743a32");
        assertArrayEquals(expected, EventProto.fileVersion(1.5));
    }

    @Test
    void negativeStepIsATenByteVarint() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventProto.varint(out, -1);
        assertArrayEquals(hex("FFFFFFFFFFFFFFFFFF01"), out.toByteArray());
        out.reset();
        EventProto.varint(out, 300);
        assertArrayEquals(hex("AC02"), out.toByteArray());
    }

    @Test
    void writesFileVersionThenFlushedScalarsUnderTheTensorBoardName() throws Exception {
        try (TensorBoardWriter w = TensorBoardWriter.create(dir, () -> 1.5, "my host")) {
            assertEquals("events.out.tfevents.1.my_host", w.file().getFileName().toString());
            w.scalar("a", 2.0f, 3);
            // flushed on write: the bytes are on disk before close
            byte[] expected = concat(TensorBoardWriter.record(EventProto.fileVersion(1.5)),
                    TensorBoardWriter.record(EventProto.scalar(1.5, 3, "a", 2.0f)));
            assertArrayEquals(expected, Files.readAllBytes(w.file()));
            List<EventFileReader.Event> events = EventFileReader.read(w.file());
            assertEquals("brain.Event:2", events.get(0).fileVersion());
            assertNull(events.get(0).tag());
            assertEquals(new EventFileReader.Event(1.5, 3, null, "a", 2.0f), events.get(1));
        }
    }

    @Test
    void secondFileInTheSameSecondGetsASuffix() {
        try (TensorBoardWriter a = TensorBoardWriter.create(dir, () -> 1700000000.9, "h");
             TensorBoardWriter b = TensorBoardWriter.create(dir, () -> 1700000000.2, "h")) {
            assertEquals("events.out.tfevents.1700000000.h", a.file().getFileName().toString());
            assertEquals("events.out.tfevents.1700000000.h.1", b.file().getFileName().toString());
        }
    }

    @Test
    void rejectsEmptyTagsAndWritesAfterClose() {
        TensorBoardWriter w = TensorBoardWriter.create(dir, () -> 2.0, "h");
        assertThrows(IllegalArgumentException.class, () -> w.scalar("", 1f, 1));
        w.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.scalar("x", 1f, 1));
        assertEquals("TensorBoard writer " + w.file() + " is closed", e.getMessage());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
