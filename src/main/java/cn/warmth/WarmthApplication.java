package cn.warmth;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
@SpringBootApplication
public class WarmthApplication {
  public static void main(String[] args) { SpringApplication.run(WarmthApplication.class, args); }
}
