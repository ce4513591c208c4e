package dk.grantlifecycle.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The grant lifecycle service: REST API, Axon wiring, projections and deadlines on PostgreSQL. */
@SpringBootApplication(scanBasePackages = "dk.grantlifecycle")
@EnableScheduling
public class GrantsApplication {

    public static void main(String[] args) {
        SpringApplication.run(GrantsApplication.class, args);
    }
}
