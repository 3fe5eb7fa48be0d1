using Microsoft.Extensions.Configuration;

namespace JobWise.AppHost;

/// <summary>
/// Hands an OpenAI-compatible chat endpoint to the API for tailoring, when one is configured
/// (<c>Parameters:llm-endpoint</c>, <c>Parameters:llm-model</c> and the secret <c>Parameters:llm-api-key</c>).
/// Without them no parameter is added, so the dashboard never waits for a value nobody means to give.
/// </summary>
public static class LlmParameters
{
    public static IResourceBuilder<ProjectResource> WithOptionalLlm(this IResourceBuilder<ProjectResource> api)
    {
        var configuration = api.ApplicationBuilder.Configuration;
        if (string.IsNullOrWhiteSpace(configuration["Parameters:llm-api-key"]))
        {
            return api;
        }
        var builder = api.ApplicationBuilder;
        return api
            .WithEnvironment("Tailoring__Llm__Endpoint", builder.AddParameter("llm-endpoint"))
            .WithEnvironment("Tailoring__Llm__Model", builder.AddParameter("llm-model"))
            .WithEnvironment("Tailoring__Llm__ApiKey", builder.AddParameter("llm-api-key", secret: true));
    }
}
