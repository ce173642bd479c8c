package cn.warmth.evidence;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;

/**
 * What a photo says about itself, read before its metadata is stripped: when it was taken (EXIF
 * DateTimeOriginal, read as Beijing time unless the photo gives its offset), where (GPS), and its
 * orientation. Anything unreadable is simply absent.
 */
record PhotoFacts(Instant takenAt, BigDecimal latitude, BigDecimal longitude, int orientation) {
  static final PhotoFacts NONE = new PhotoFacts(null, null, null, 1);

  static PhotoFacts read(byte[] bytes, ZoneId zone) {
    Metadata md = metadata(bytes);
    if (md == null) {
      return NONE;
    }
    Instant taken = null;
    ExifSubIFDDirectory sub = md.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
    if (sub != null) {
      Date d = sub.getDateOriginal(TimeZone.getTimeZone(zone));
      taken = d == null ? null : d.toInstant();
    }
    BigDecimal lat = null;
    BigDecimal lon = null;
    GpsDirectory gps = md.getFirstDirectoryOfType(GpsDirectory.class);
    if (gps != null) {
      GeoLocation g = gps.getGeoLocation();
      if (g != null && !g.isZero() && Math.abs(g.getLatitude()) <= 90 && Math.abs(g.getLongitude()) <= 180) {
        lat = BigDecimal.valueOf(g.getLatitude()).setScale(6, RoundingMode.HALF_UP);
        lon = BigDecimal.valueOf(g.getLongitude()).setScale(6, RoundingMode.HALF_UP);
      }
    }
    int orientation = 1;
    ExifIFD0Directory ifd0 = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
    if (ifd0 != null && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
      Integer o = ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
      orientation = o == null || o < 1 || o > 8 ? 1 : o;
    }
    return new PhotoFacts(taken, lat, lon, orientation);
  }

  /** Whether a stored copy still tells where or when it was taken (it must not). */
  static boolean revealing(byte[] bytes) {
    Metadata md = metadata(bytes);
    if (md == null) {
      return false;
    }
    for (GpsDirectory gps : md.getDirectoriesOfType(GpsDirectory.class)) {
      if (gps.getTagCount() > 0) {
        return true;
      }
    }
    for (ExifSubIFDDirectory sub : md.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
      if (sub.containsTag(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL)) {
        return true;
      }
    }
    for (Directory x : md.getDirectoriesOfType(XmpDirectory.class)) {
      if (!((XmpDirectory) x).getXmpProperties().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static Metadata metadata(byte[] bytes) {
    try {
      return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
    } catch (Exception e) {
      return null; // not a format the reader knows, or damaged metadata: nothing to read
    }
  }
}
