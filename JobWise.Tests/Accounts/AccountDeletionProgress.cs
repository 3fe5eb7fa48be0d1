using System.Net;
using System.Text.Json.Nodes;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Accounts;

/// <summary>Polls an account deletion's progress link (anonymous: the id is the secret).</summary>
public static class AccountDeletionProgress
{
    public static Task<JsonNode> WaitUntilDoneAsync(HttpClient anonymous, string progressPath, TimeSpan timeout) =>
        WaitUntilAsync(anonymous, progressPath, state => state["status"]!.GetValue<string>() == "done", timeout);

    public static async Task<JsonNode> WaitUntilAsync(HttpClient anonymous, string progressPath, Func<JsonNode, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await anonymous.GetAsync(progressPath, TestContext.Current.CancellationToken);
            var state = await response.ReadJsonAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {state.ToJsonString()}");
            if (condition(state))
            {
                return state;
            }
            Assert.True(DateTime.UtcNow < deadline, $"not reached within {timeout}: {state.ToJsonString()}");
            await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        }
    }
}
