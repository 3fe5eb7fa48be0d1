namespace JobWise.Contracts;

/// <summary>
/// Finds what no reader of a resume document can work with: a null where an object, a list or an entry of a list
/// belongs, and text that <see cref="PlainText"/> refuses. Fields are named by their JSON path under the given prefix
/// (<c>content.sections[2].items[0]</c>). Sizes, section types and URLs are each service's own business.
/// </summary>
public static class ResumeDocumentShape
{
    public static IEnumerable<(string Field, string Message)> Problems(ResumeDocument? document, string field)
    {
        if (document is null)
        {
            yield return (field, "must be an object");
            yield break;
        }
        foreach (var problem in Texts(field, ("language", document.Language)))
        {
            yield return problem;
        }
        foreach (var problem in Header(document.Header, $"{field}.header"))
        {
            yield return problem;
        }
        foreach (var problem in List(document.Sections, $"{field}.sections", Section))
        {
            yield return problem;
        }
    }

    private static IEnumerable<(string, string)> Header(ResumeHeader? header, string field)
    {
        if (header is null)
        {
            return [(field, "must be an object")];
        }
        var address = header.Address is { } parts
            ? Texts($"{field}.address", ("street", parts.Street), ("postal_code", parts.PostalCode), ("region", parts.Region), ("country_code", parts.CountryCode))
            : [];
        return Texts(field, ("name", header.Name), ("title", header.Title), ("email", header.Email), ("phone", header.Phone), ("location", header.Location))
            .Concat(address)
            .Concat(List(header.Links, $"{field}.links", Link));
    }

    private static IEnumerable<(string, string)> Link(ResumeLink link, string field) =>
        Required(field, ("label", link.Label), ("url", link.Url)).Concat(Texts(field, ("username", link.Username)));

    private static IEnumerable<(string, string)> Section(ResumeSection section, string field) =>
        Texts(field, ("type", section.Type), ("title", section.Title), ("text", section.Text))
            .Concat(List(section.Groups, $"{field}.groups", Group))
            .Concat(List(section.Items, $"{field}.items", Item));

    private static IEnumerable<(string, string)> Group(SkillGroup group, string field) =>
        Required(field, ("name", group.Name))
            .Concat(Texts(field, ("level", group.Level)))
            .Concat(Strings(group.Items, $"{field}.items"));

    private static IEnumerable<(string, string)> Item(ResumeItem item, string field) =>
        Texts(field,
                ("title", item.Title), ("organization", item.Organization), ("organization_description", item.OrganizationDescription),
                ("location", item.Location), ("start", item.Start),
                ("end", item.End), ("date", item.Date), ("url", item.Url), ("description", item.Description),
                ("institution", item.Institution), ("degree", item.Degree), ("field", item.Field), ("score", item.Score),
                ("name", item.Name), ("fluency", item.Fluency))
            .Concat(Strings(item.Highlights, $"{field}.highlights"))
            .Concat(Strings(item.Courses, $"{field}.courses"))
            .Concat(Strings(item.Technologies, $"{field}.technologies"))
            .Concat(Strings(item.Keywords, $"{field}.keywords"));

    private static IEnumerable<(string, string)> List<T>(List<T>? values, string field, Func<T, string, IEnumerable<(string, string)>> entry)
        where T : class
    {
        if (values is null)
        {
            yield return (field, "must be an array, not null");
            yield break;
        }
        for (var index = 0; index < values.Count; index++)
        {
            if (values[index] is not { } value)
            {
                yield return ($"{field}[{index}]", "must be an object, not null");
                continue;
            }
            foreach (var problem in entry(value, $"{field}[{index}]"))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<(string, string)> Strings(List<string>? values, string field)
    {
        if (values is null)
        {
            yield return (field, "must be an array, not null");
            yield break;
        }
        for (var index = 0; index < values.Count; index++)
        {
            if (values[index] is null)
            {
                yield return ($"{field}[{index}]", "must be a string, not null");
            }
            else if (PlainText.Problem(values[index]) is { } problem)
            {
                yield return ($"{field}[{index}]", problem);
            }
        }
    }

    /// <summary>Strings a document may leave out (null); what is given must be plain text.</summary>
    private static IEnumerable<(string, string)> Texts(string field, params (string Name, string? Value)[] values) =>
        values.Select(value => (Field: $"{field}.{value.Name}", Problem: PlainText.Problem(value.Value)))
            .Where(value => value.Problem is not null)
            .Select(value => (value.Field, value.Problem!));

    /// <summary>Strings the contract declares non-null.</summary>
    private static IEnumerable<(string, string)> Required(string field, params (string Name, string? Value)[] values) =>
        values.Where(value => value.Value is null).Select(value => ($"{field}.{value.Name}", "must be a string, not null"))
            .Concat(Texts(field, values));
}
