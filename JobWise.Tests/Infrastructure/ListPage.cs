using System.Text.Json.Nodes;

namespace JobWise.Tests.Infrastructure;

/// <summary>
/// One page of any list the API returns, <c>{jobs | generations | exports: [...], total, limit, offset}</c>: the one
/// way tests read a paged list.
/// </summary>
public sealed record ListPage(JsonArray Items, int Total, int Limit, int Offset)
{
    public IEnumerable<string> Strings(string field) => Items.Select(item => item![field]!.GetValue<string>());
}

public static class ListPageReading
{
    public static async Task<ListPage> ReadPageAsync(this HttpResponseMessage response)
    {
        var body = await response.ReadJsonAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        var fields = body.AsObject();
        var items = Assert.Single(fields, field => field.Value is JsonArray).Value!.AsArray();
        return new ListPage(items, fields["total"]!.GetValue<int>(), fields["limit"]!.GetValue<int>(), fields["offset"]!.GetValue<int>());
    }
}
