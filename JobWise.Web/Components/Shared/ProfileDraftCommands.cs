using System.Globalization;
using System.Text.Json.Nodes;

namespace JobWise.Web.Components.Shared;

/// <summary>The profile editor's add, remove and move commands, run on the draft document.</summary>
public static partial class ProfileDraft
{
    /// <summary>
    /// Runs an add, remove or move command (<c>remove-item:2:0</c>, <c>up-bullet:2:0:3</c>) on the draft and gives the
    /// id of the element that should have the focus afterwards, so a keyboard user stays where they were working. A
    /// command naming something that is not there (an old page, a hand-made post) changes nothing.
    /// </summary>
    public static string? Run(JsonObject document, string command, string? newSectionType)
    {
        var parts = command.Split(':');
        var at = parts.Skip(1).Select(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1).ToArray();
        var sections = Sections(document);
        var section = at.Length > 0 ? ElementAt(sections, at[0]) as JsonObject : null;
        var item = section is not null && at.Length > 1 ? ElementAt(ListOf(section, "items"), at[1]) as JsonObject : null;
        switch (parts[0], at.Length)
        {
            case ("add-link", 0):
                var added = ListOf(Header(document), "links");
                added.Add(new JsonObject { ["label"] = "", ["url"] = "" });
                return InputId($"header.links[{added.Count - 1}].label");
            case ("remove-link", 1) when Header(document)["links"] is JsonArray links && InRange(links, at[0]):
                links.RemoveAt(at[0]);
                return CommandId("add-link");
            case ("add-section", 0):
                sections.Add(NewSection(SectionTypes.Contains(newSectionType) ? newSectionType! : "custom"));
                return InputId($"sections[{sections.Count - 1}].title");
            case ("remove-section", 1) when section is not null:
                sections.RemoveAt(at[0]);
                return "new-section-type";
            case ("up-section" or "down-section", 1) when section is not null:
                return Moved(sections, at[0], parts[0], to => CommandId($"{Direction(parts[0])}-section:{to}"), to => InputId($"sections[{to}].title"));
            case ("add-item", 1) when section is not null:
                var items = ListOf(section, "items");
                items.Add(new JsonObject());
                return InputId($"sections[{at[0]}].items[{items.Count - 1}].{ItemFields(Text(section["type"]))[0]}");
            case ("remove-item", 2) when item is not null:
                ListOf(section!, "items").RemoveAt(at[1]);
                return CommandId($"add-item:{at[0]}");
            case ("up-item" or "down-item", 2) when item is not null:
                return Moved(ListOf(section!, "items"), at[1], parts[0],
                    to => CommandId($"{Direction(parts[0])}-item:{at[0]}:{to}"),
                    to => InputId($"sections[{at[0]}].items[{to}].{ItemFields(Text(section!["type"]))[0]}"));
            case ("add-group", 1) when section is not null:
                var groups = ListOf(section, "groups");
                groups.Add(new JsonObject { ["name"] = "", ["items"] = new JsonArray() });
                return InputId($"sections[{at[0]}].groups[{groups.Count - 1}].name");
            case ("remove-group", 2) when section is not null && InRange(ListOf(section, "groups"), at[1]):
                ListOf(section, "groups").RemoveAt(at[1]);
                return CommandId($"add-group:{at[0]}");
            case ("up-group" or "down-group", 2) when section is not null && InRange(ListOf(section, "groups"), at[1]):
                return Moved(ListOf(section, "groups"), at[1], parts[0],
                    to => CommandId($"{Direction(parts[0])}-group:{at[0]}:{to}"), to => InputId($"sections[{at[0]}].groups[{to}].name"));
            case ("add-bullet", 2) when item is not null:
                var bullets = ListOf(item, "highlights");
                bullets.Add("");
                return InputId($"sections[{at[0]}].items[{at[1]}].highlights[{bullets.Count - 1}]");
            case ("remove-bullet", 3) when item is not null && InRange(ListOf(item, "highlights"), at[2]):
                ListOf(item, "highlights").RemoveAt(at[2]);
                return CommandId($"add-bullet:{at[0]}:{at[1]}");
            case ("up-bullet" or "down-bullet", 3) when item is not null && InRange(ListOf(item, "highlights"), at[2]):
                return Moved(ListOf(item, "highlights"), at[2], parts[0],
                    to => CommandId($"{Direction(parts[0])}-bullet:{at[0]}:{at[1]}:{to}"),
                    to => InputId($"sections[{at[0]}].items[{at[1]}].highlights[{to}]"));
            default:
                return null;
        }
    }

    /// <summary>Drops emptied bullets before a save, so the indices of the API's messages match what is shown.</summary>
    public static void DropEmptyBullets(JsonObject document)
    {
        foreach (var item in Sections(document).OfType<JsonObject>().Select(s => s["items"]).OfType<JsonArray>().SelectMany(i => i).OfType<JsonObject>())
        {
            if (item["highlights"] is JsonArray bullets)
            {
                for (var i = bullets.Count - 1; i >= 0; i--)
                {
                    if (string.IsNullOrWhiteSpace(Text(bullets[i])))
                    {
                        bullets.RemoveAt(i);
                    }
                }
            }
        }
    }

    private static string Direction(string command) => command.StartsWith("up-", StringComparison.Ordinal) ? "up" : "down";

    /// <summary>Moves one place up or down; the focus follows to the same button, or to the moved field once at an end.</summary>
    private static string? Moved(JsonArray list, int index, string command, Func<int, string> button, Func<int, string> field)
    {
        var target = Direction(command) == "up" ? index - 1 : index + 1;
        if (!InRange(list, target))
        {
            return field(index);
        }
        var node = list[index];
        list.RemoveAt(index);
        list.Insert(target, node);
        var atEnd = target == 0 || target == list.Count - 1;
        return atEnd ? field(target) : button(target);
    }

    private static bool InRange(JsonArray list, int index) => index >= 0 && index < list.Count;

    private static JsonNode? ElementAt(JsonArray list, int index) => InRange(list, index) ? list[index] : null;

    private static JsonObject NewSection(string type) => new()
    {
        ["type"] = type,
        ["title"] = TypeLabel(type),
        ["text"] = HasText(type) ? "" : null,
        ["groups"] = new JsonArray(),
        ["items"] = new JsonArray(),
    };
}
