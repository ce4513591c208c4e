package dk.grantlifecycle.api.config;

import dk.grantlifecycle.domain.rules.RuleBook;
import dk.grantlifecycle.domain.rules.RuleSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the rule files at start: those shipped in {@code rules/} on the classpath, plus any in
 * {@code grants.rules.directory} (an operator adds a municipality or a newly adopted standard
 * there without a new build). An invalid file stops the start, naming file, field and problem.
 */
@Configuration(proxyBeanMethods = false)
public class RulesConfig {

    private static final Logger log = LoggerFactory.getLogger(RulesConfig.class);

    @Bean
    public RuleBook ruleBook(@Value("${grants.rules.directory:}") String directory) throws IOException {
        List<RuleSource> sources = new ArrayList<>();
        Resource[] shipped = new PathMatchingResourcePatternResolver().getResources("classpath*:rules/**/*.yaml");
        for (Resource r : shipped) {
            String url = r.getURL().toString();
            String name = url.substring(url.lastIndexOf("/rules/") + "/rules/".length());
            sources.add(new RuleSource(name, r.getContentAsString(StandardCharsets.UTF_8)));
        }
        if (!directory.isBlank()) {
            sources.addAll(RuleSource.fromDirectory(Path.of(directory)));
        }
        RuleBook book = RuleBook.load(sources);
        log.info("loaded {} rule files for municipalities {}", book.files().size(), book.municipalities());
        book.findings().forEach(f -> log.warn("rule files: {}", f));
        return book;
    }
}
