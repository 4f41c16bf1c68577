package nl.wijkroute;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class WijkrouteApplication {

    public static void main(String[] args) {
        SpringApplication.run(WijkrouteApplication.class, args);
    }
}
