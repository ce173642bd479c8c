package cn.warmth.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The lossless stripping and the sniffing on hand-made files (the API contract uses real photos). */
class MetadataStripperTest {
  static byte[] segment(int marker, String payload) {
    byte[] p = payload.getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(marker);
    out.write((p.length + 2) >> 8);
    out.write((p.length + 2) & 0xFF);
    out.writeBytes(p);
    return out.toByteArray();
  }

  static String latin(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  @Test
  void jpegKeepsItsColourProfileAndPictureAndLosesEverythingElse() throws Exception {
    byte[] photo = EvidenceContract.fixture("gps.jpg");
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
    in.writeBytes(segment(0xE2, "ICC_PROFILE\0\1\1colour"));
    in.writeBytes(segment(0xE2, "MPF\0secret-offsets"));
    in.writeBytes(segment(0xFE, "taken at home of worker"));
    in.writeBytes(segment(0xED, "Photoshop 3.0\0iptc-city"));
    in.write(photo, 2, photo.length - 2);
    in.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1});
    in.writeBytes("Exif\0\0depth-map-with-gps".getBytes(StandardCharsets.ISO_8859_1));
    byte[] out = MetadataStripper.jpeg(in.toByteArray(), 1);
    assertThat(latin(out)).contains("ICC_PROFILE").doesNotContain("secret-offsets", "taken at home", "iptc-city",
        "depth-map-with-gps", "Huawei", "Exif");
    assertThat(out[out.length - 2] & 0xFF).isEqualTo(0xFF);
    assertThat(out[out.length - 1] & 0xFF).isEqualTo(0xD9);
    assertThat(ImageIO.read(new ByteArrayInputStream(out)).getWidth()).isEqualTo(640);
    assertThat(PhotoFacts.revealing(out)).isFalse();
    assertThat(PhotoFacts.revealing(photo)).isTrue();
  }

  @Test
  void brokenStructuresAreRefused() {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x7F, 0x7F, 1, 2};
    assertThatThrownBy(() -> MetadataStripper.jpeg(jpeg, 1)).isInstanceOf(MetadataStripper.Damaged.class);
    byte[] png = EvidenceContract.fixture("gps.png").clone();
    png[40] ^= 0x55; // inside a chunk: its checksum no longer matches
    assertThatThrownBy(() -> MetadataStripper.png(png)).isInstanceOf(MetadataStripper.Damaged.class);
    byte[] heicWithoutMeta = EvidenceContract.ftyp("heic", "mif1");
    assertThat(FileType.sniff(heicWithoutMeta)).contains(FileType.HEIC);
    assertThatThrownBy(() -> MetadataStripper.heic(heicWithoutMeta)).isInstanceOf(MetadataStripper.Damaged.class);
  }

  @Test
  void heicIsRecognisedByItsBrandsNotByTheBoxAlone() {
    assertThat(FileType.sniff(EvidenceContract.ftyp("mif1", "heic"))).contains(FileType.HEIC);
    assertThat(FileType.sniff(EvidenceContract.ftyp("heix"))).contains(FileType.HEIC);
    assertThat(FileType.sniff(EvidenceContract.ftyp("mif1", "avif", "miaf"))).isEmpty();
    assertThat(FileType.sniff(EvidenceContract.ftyp("isom", "mp41"))).isEmpty(); // a video
    assertThat(FileType.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
    assertThat(Evidence.name("C:\\Users\\me\\扫描件.PNG", FileType.JPEG)).isEqualTo("扫描件.jpg");
    assertThat(Evidence.name("", FileType.PDF)).isEqualTo("attachment.pdf");
  }
}
