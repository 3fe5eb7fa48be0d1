namespace JobWise.ApiService.Tailoring;

/// <summary>A keyword of a posting (canonical spelling) and how much it counts.</summary>
public sealed record Keyword(string Term, double Weight);

/// <summary>
/// Extracts what a posting asks for: skills, tools and titles, whole multi-word terms ("distributed systems") kept
/// together, variants folded ("Postgres" = "PostgreSQL"), stop words and job-ad boilerplate left out.
/// </summary>
public static class PostingKeywords
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "in", "into", "is", "it", "its",
        "of", "on", "or", "our", "that", "the", "their", "this", "to", "was", "we", "were", "will", "with", "you", "your",
        "who", "what", "which", "while", "can", "also", "all", "any", "other", "more", "most", "such", "than", "then", "there",
        "these", "they", "them", "us", "do", "does", "not", "no", "so", "if", "how", "about", "across", "within", "per", "etc",
        "e.g", "i.e", "via", "like", "well", "both", "each", "every", "own", "new", "use", "using", "used", "based", "help",
        "make", "build", "building", "work", "working", "works", "join", "looking", "including", "include", "includes",
    };

    /// <summary>Words every job ad has, which say nothing about this job.</summary>
    private static readonly HashSet<string> Boilerplate = new(StringComparer.Ordinal)
    {
        "experience", "experienced", "years", "year", "team", "teams", "strong", "ability", "able", "skills", "skill",
        "knowledge", "understanding", "familiarity", "proficiency", "proficient", "excellent", "good", "great", "plus",
        "preferred", "required", "requirements", "responsibilities", "role", "position", "candidate", "candidates",
        "company", "opportunity", "opportunities", "benefits", "salary", "equal", "employer", "apply", "applicants",
        "environment", "culture", "passionate", "passion", "fast-paced", "dynamic", "world", "class", "world-class",
        "minimum", "bonus", "competitive", "remote", "hybrid", "office", "full-time", "time", "day", "days", "what",
        "ideal", "must", "should", "would", "need", "needs", "want", "love", "etc", "related", "relevant", "solid",
        "hands-on", "deep", "best", "practices", "degree", "bachelor's", "equivalent", "field", "day-to-day", "across",
        "closely", "partner", "partners", "stakeholders", "high", "highly", "quality", "level", "senior", "junior",
    };

    /// <summary>Single words that name skills even when a posting mentions them once.</summary>
    private static readonly HashSet<string> Lexicon = new(StringComparer.Ordinal)
    {
        "java", "kotlin", "scala", "rust", "ruby", "rails", "php", "swift", "sql", "nosql", "redis", "kafka", "spark",
        "hadoop", "airflow", "snowflake", "dbt", "tableau", "excel", "linux", "git", "jenkins", "ansible", "helm", "grpc",
        "oauth", "saml", "jwt", "html", "css", "sass", "angular", "svelte", "django", "flask", "fastapi", "spring",
        "figma", "sketch", "photoshop", "illustrator", "jira", "agile", "scrum", "kanban", "salesforce", "hubspot",
        "pandas", "numpy", "pytorch", "tensorflow", "opentelemetry", "prometheus", "grafana", "nginx", "serverless",
        "lambda", "s3", "ec2", "dynamodb", "bigquery", "mysql", "sqlite", "cassandra", "webassembly", "blazor",
        "entity", "efcore", "aspire", "playwright", "selenium", "cypress", "jest", "xunit", "nunit", "security",
        "observability", "scalability", "reliability", "performance", "accessibility", "leadership", "mentoring",
        "analytics", "copywriting", "branding", "marketing", "finance", "accounting", "compliance", "audit",
    };

    public static IReadOnlyList<Keyword> Extract(string? title, string? description, IReadOnlySet<string> profileTerms)
    {
        var text = $"{title}\n{title}\n{description}";
        var tokens = TextTerms.Tokens(text);
        var maxWords = Math.Max(TermVariants.MaxWords, profileTerms.Select(t => t.Split(' ').Length).DefaultIfEmpty(1).Max());
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var covered = new bool[tokens.Count];

        // Longest known terms first, so "distributed systems" is one keyword rather than two words.
        foreach (var (phrase, start, words) in TextTerms.Phrases(tokens, maxWords).OrderByDescending(p => p.Words))
        {
            if (Enumerable.Range(start, words).Any(i => covered[i]))
            {
                continue;
            }
            var canonical = TermVariants.Canonical(phrase);
            var known = TermVariants.IsKnown(phrase) || profileTerms.Contains(canonical) || (words == 1 && Lexicon.Contains(phrase));
            if (!known)
            {
                continue;
            }
            counts[canonical] = counts.GetValueOrDefault(canonical) + 1;
            for (var i = start; i < start + words; i++)
            {
                covered[i] = true;
            }
        }

        // Other words a posting repeats are what it is about, unless every ad says them.
        var leftovers = tokens.Where((token, i) => !covered[i] && IsContentWord(token))
            .GroupBy(token => token)
            .Where(group => group.Count() >= 2);
        foreach (var group in leftovers)
        {
            counts[group.Key] = counts.GetValueOrDefault(group.Key) + group.Count();
        }

        return counts
            .Select(entry => new Keyword(entry.Key, 1 + Math.Log(entry.Value)))
            .OrderByDescending(k => k.Weight).ThenBy(k => k.Term, StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsContentWord(string token) =>
        token.Length > 2 && !StopWords.Contains(token) && !Boilerplate.Contains(token) && !token.All(char.IsDigit);
}
