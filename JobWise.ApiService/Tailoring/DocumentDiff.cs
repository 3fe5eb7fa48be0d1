using JobWise.ApiService.Model;
using JobWise.Contracts;

namespace JobWise.ApiService.Tailoring;

/// <summary>What a tailored document moved or left out compared with the profile, for a client to show as a diff.</summary>
public static class DocumentDiff
{
    public static TailoringChanges Changes(ResumeDocument profile, ResumeDocument tailored)
    {
        var moved = new List<TailoringChange>();
        var leftOut = new List<TailoringChange>();
        foreach (var (before, after) in PairSections(profile, tailored))
        {
            var within = before.Title ?? before.Type;
            if (after is null)
            {
                leftOut.Add(new TailoringChange("section", within, "resume"));
                continue;
            }
            Compare(TextTerms.Sentences(before.Text), TextTerms.Sentences(after.Text), "sentence", within, moved, leftOut);
            Compare(before.Groups.Select(g => g.Name).ToList(), after.Groups.Select(g => g.Name).ToList(), "skill_group", within, moved, leftOut);
            var groupsAfter = FirstByKey(after.Groups, g => g.Name);
            foreach (var group in before.Groups)
            {
                Compare(group.Items, groupsAfter.GetValueOrDefault(group.Name)?.Items ?? [], "skill", group.Name, moved, leftOut);
            }
            var itemsAfter = FirstByKey(after.Items, EntryName);
            foreach (var item in before.Items)
            {
                var entry = EntryName(item);
                if (!itemsAfter.TryGetValue(entry, out var match))
                {
                    leftOut.Add(new TailoringChange("entry", entry, within));
                    continue;
                }
                Compare(item.Highlights, match.Highlights, "bullet", entry, moved, leftOut);
                Compare(item.Technologies, match.Technologies, "technology", entry, moved, leftOut);
            }
        }
        return new TailoringChanges(moved, leftOut);
    }

    public static string EntryName(ResumeItem item) =>
        string.Join(" — ", new[] { item.Title ?? item.Name ?? item.Degree, item.Organization ?? item.Institution }.Where(s => !string.IsNullOrEmpty(s)));

    private static IEnumerable<(ResumeSection Before, ResumeSection? After)> PairSections(ResumeDocument profile, ResumeDocument tailored)
    {
        var used = new HashSet<ResumeSection>();
        foreach (var section in profile.Sections)
        {
            var match = tailored.Sections.FirstOrDefault(s => !used.Contains(s) && s.Type == section.Type && s.Title == section.Title);
            if (match is not null)
            {
                used.Add(match);
            }
            yield return (section, match);
        }
    }

    private static void Compare(IReadOnlyList<string> before, IReadOnlyList<string> after, string kind, string within,
        List<TailoringChange> moved, List<TailoringChange> leftOut)
    {
        var positionAfter = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < after.Count; i++)
        {
            positionAfter.TryAdd(after[i], i);
        }
        for (var from = 0; from < before.Count; from++)
        {
            if (!positionAfter.TryGetValue(before[from], out var to))
            {
                leftOut.Add(new TailoringChange(kind, before[from], within, from));
            }
            else if (to != from)
            {
                moved.Add(new TailoringChange(kind, before[from], within, from, to));
            }
        }
    }

    /// <summary>Each key's first value, so that pairing before with after stays linear however long the lists are.</summary>
    private static Dictionary<string, T> FirstByKey<T>(IEnumerable<T> values, Func<T, string> key)
    {
        var first = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            first.TryAdd(key(value), value);
        }
        return first;
    }
}
