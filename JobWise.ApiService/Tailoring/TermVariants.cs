namespace JobWise.ApiService.Tailoring;

/// <summary>
/// Spellings that mean the same skill ("Postgres" and "PostgreSQL", "C#" and "csharp"), folded to one canonical
/// term, so a posting and a profile that say it differently still match.
/// </summary>
public static class TermVariants
{
    private static readonly string[][] Groups =
    [
        ["postgresql", "postgres", "psql", "pg"],
        ["c#", "csharp", "c sharp"],
        [".net", "dotnet", ".net core", "asp.net core", "asp.net"],
        ["javascript", "js", "ecmascript"],
        ["typescript", "ts"],
        ["kubernetes", "k8s"],
        ["golang", "go lang"],
        ["node.js", "nodejs", "node"],
        ["react", "react.js", "reactjs"],
        ["vue", "vue.js", "vuejs"],
        ["aws", "amazon web services"],
        ["gcp", "google cloud", "google cloud platform"],
        ["azure", "microsoft azure"],
        ["machine learning", "ml"],
        ["artificial intelligence", "ai"],
        ["ci/cd", "cicd", "ci cd", "continuous integration", "continuous delivery", "continuous deployment"],
        ["rest", "restful", "rest api", "rest apis", "restful api", "restful apis"],
        ["sql server", "mssql", "microsoft sql server"],
        ["mongodb", "mongo"],
        ["elasticsearch", "elastic search"],
        ["microservices", "microservice", "micro services", "micro-services"],
        ["distributed systems", "distributed system"],
        ["python", "py"],
        ["c++", "cpp"],
        ["terraform", "tf"],
        ["docker", "containers", "containerization"],
        ["rabbitmq", "rabbit mq"],
        ["graphql", "graph ql"],
        ["unit testing", "unit tests", "unit test"],
        ["object-oriented", "object oriented", "oop"],
        ["user experience", "ux"],
        ["user interface", "ui"],
        ["search engine optimization", "seo"],
        ["key performance indicators", "kpis", "kpi"],
    ];

    private static readonly Dictionary<string, string> CanonicalBySpelling = Build();

    /// <summary>Every spelling with its canonical term.</summary>
    public static IReadOnlyDictionary<string, string> All => CanonicalBySpelling;

    public static string Canonical(string normalizedTerm) =>
        CanonicalBySpelling.TryGetValue(normalizedTerm, out var canonical) ? canonical : normalizedTerm;

    public static bool IsKnown(string normalizedTerm) => CanonicalBySpelling.ContainsKey(normalizedTerm);

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            foreach (var spelling in group)
            {
                map[spelling] = group[0];
            }
        }
        return map;
    }
}
