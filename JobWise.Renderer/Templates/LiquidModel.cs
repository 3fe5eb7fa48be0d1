namespace JobWise.Renderer.Templates;

/// <summary>The view as plain dictionaries with snake_case keys, which is what the Liquid templates read.</summary>
internal static class LiquidModel
{
    public static Dictionary<string, object?> Header(HeaderView header) => new()
    {
        ["name"] = header.Name,
        ["title"] = header.Title,
        ["contact"] = header.Contact.ToList(),
        ["links"] = header.Links.Select(link => new Dictionary<string, object?>
        {
            ["label"] = link.Label,
            ["url"] = link.Url,
            ["href"] = link.Href,
        }).ToList(),
    };

    public static Dictionary<string, object?> Section(SectionView section) => new()
    {
        ["type"] = section.Type,
        ["title"] = section.Title,
        ["standard_title"] = section.StandardTitle,
        ["blocks"] = section.Blocks.Select(Block).ToList(),
    };

    private static Dictionary<string, object?> Block(BlockView block) => block switch
    {
        TextBlock text => new() { ["kind"] = text.Kind, ["paragraphs"] = text.Paragraphs.ToList() },
        SkillsBlock skills => new()
        {
            ["kind"] = skills.Kind,
            ["groups"] = skills.Groups.Select(group => new Dictionary<string, object?>
            {
                ["name"] = group.Name,
                ["level"] = group.Level,
                ["items"] = group.Items.ToList(),
            }).ToList(),
        },
        EntryBlock entry => new()
        {
            ["kind"] = entry.Kind,
            ["heading"] = entry.Heading,
            ["subheading"] = entry.Subheading,
            ["meta"] = entry.Meta,
            ["organization_description"] = entry.OrganizationDescription,
            ["description"] = entry.Description,
            ["highlights"] = entry.Highlights.ToList(),
            ["tags"] = entry.Tags.ToList(),
            ["tags_label"] = entry.TagsLabel,
            ["url"] = entry.Url,
            ["href"] = entry.Href,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(block)),
    };
}
