package cn.warmth.evidence;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Small JPEG previews of JPEG and PNG uploads (ImageIO), upright as the phone meant them. Big
 * pictures are read subsampled, and absurd sizes (a decompression bomb) get no preview at all.
 * HEIC gets none: there is no pure-Java HEVC decoder; PDFs get none either.
 */
final class Thumbnails {
  static final int MAX_SIDE = 320;
  private static final long MAX_PIXELS = 150_000_000L;

  private Thumbnails() {}

  /** The preview, or null when the picture cannot be read. */
  static byte[] of(byte[] image, int orientation) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return null;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        if (w <= 0 || h <= 0 || (long) w * h > MAX_PIXELS) {
          return null;
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, Math.max(w, h) / (MAX_SIDE * 2));
        param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage src = reader.read(0, param);
        return jpeg(upright(scaled(src), orientation));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return null; // e.g. a CMYK JPEG ImageIO cannot read: the file is kept, only the preview is missing
    }
  }

  private static BufferedImage scaled(BufferedImage src) {
    double f = Math.min(1.0, (double) MAX_SIDE / Math.max(src.getWidth(), src.getHeight()));
    int w = Math.max(1, (int) Math.round(src.getWidth() * f));
    int h = Math.max(1, (int) Math.round(src.getHeight() * f));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.WHITE); // transparent PNGs on white
    g.fillRect(0, 0, w, h);
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(src, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  /** EXIF orientation 3 (180°), 6 (90° clockwise) and 8 (90° anticlockwise); mirrored ones as their rotation. */
  private static BufferedImage upright(BufferedImage img, int orientation) {
    int quarter = switch (orientation) {
      case 3, 4 -> 2;
      case 5, 6 -> 1;
      case 7, 8 -> 3;
      default -> 0;
    };
    if (quarter == 0) {
      return img;
    }
    int w = img.getWidth();
    int h = img.getHeight();
    boolean swap = quarter % 2 == 1;
    BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
    AffineTransform t = new AffineTransform();
    if (quarter == 1) {
      t.translate(h, 0);
    } else if (quarter == 2) {
      t.translate(w, h);
    } else {
      t.translate(0, w);
    }
    t.rotate(Math.PI / 2 * quarter);
    Graphics2D g = out.createGraphics();
    g.drawImage(img, t, null);
    g.dispose();
    return out;
  }

  private static byte[] jpeg(BufferedImage img) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam p = writer.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(0.8f);
      writer.write(null, new IIOImage(img, null, null), p);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
