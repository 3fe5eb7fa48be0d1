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

    /// <summary>The most keywords a posting yields (the weightiest): more than any resume could answer to.</summary>
    public const int MaxKeywords = 100;

    private const int CancellationCheckInterval = 1024;

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordsBySpan = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BoilerplateBySpan = Boilerplate.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The posting's keywords, weightiest first. Linear in the posting: each token is looked up once, then at most
    /// <see cref="TextTerms.MaxPhraseWords"/> trie edges are followed from it (see <see cref="TermDictionary"/>), and only
    /// the first <see cref="TextTerms.MaxTokens"/> tokens count.
    /// </summary>
    public static IReadOnlyList<Keyword> Extract(string? title, string? description, IReadOnlySet<string> profileTerms, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var tokens = new TokenizedText().Load($"{title}\n{title}\n{description}");
        var known = TermDictionary.WithAllVariants(profileTerms.Concat(Lexicon));
        var wordIds = known.WordIds(tokens);
        var covered = new bool[tokens.Count];

        // Bit (w - 1) of startsOf[i]: a known term of w words starts at token i.
        var startsOf = new uint[tokens.Count];
        var anyStarts = 0u;
        for (var start = 0; start < tokens.Count; start++)
        {
            if (start % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            startsOf[start] = known.LengthsAt(wordIds, start);
            anyStarts |= startsOf[start];
        }

        // Longest known terms first, so "distributed systems" is one keyword rather than two words.
        var termCounts = new int[known.Count];
        for (var words = known.MaxWords; words >= 1; words--)
        {
            var bit = 1u << (words - 1);
            if ((anyStarts & bit) == 0)
            {
                continue;
            }
            cancellationToken.ThrowIfCancellationRequested();
            for (var start = 0; start + words <= tokens.Count; start++)
            {
                if ((startsOf[start] & bit) == 0 || covered.AsSpan(start, words).Contains(true))
                {
                    continue;
                }
                termCounts[known.TermAt(wordIds, start, words)]++;
                covered.AsSpan(start, words).Fill(true);
            }
        }
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var term = 0; term < termCounts.Length; term++)
        {
            if (termCounts[term] > 0)
            {
                counts[known.Term(term)] = termCounts[term];
            }
        }

        // Other words a posting repeats are what it is about, unless every ad says them.
        var leftovers = new Dictionary<string, int>(StringComparer.Ordinal);
        var leftoversBySpan = leftovers.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens.Token(i);
            if (!covered[i] && IsContentWord(token))
            {
                leftoversBySpan[token] = leftoversBySpan.TryGetValue(token, out var seen) ? seen + 1 : 1;
            }
        }
        foreach (var (word, count) in leftovers)
        {
            if (count >= 2)
            {
                counts[word] = counts.GetValueOrDefault(word) + count;
            }
        }

        return counts
            .Select(entry => new Keyword(entry.Key, 1 + Math.Log(entry.Value)))
            .OrderByDescending(k => k.Weight).ThenBy(k => k.Term, StringComparer.Ordinal)
            .Take(MaxKeywords)
            .ToList();
    }

    /// <summary>Single words that name skills even when a posting mentions them once.</summary>
    public static IReadOnlySet<string> SkillWords => Lexicon;

    /// <summary>Whether a word left over (not part of a known term) may be a keyword when repeated.</summary>
    public static bool IsContentWord(ReadOnlySpan<char> token) =>
        token.Length > 2 && !StopWordsBySpan.Contains(token) && !BoilerplateBySpan.Contains(token) && token.ContainsAnyExceptInRange('0', '9');
}
