using System.ClientModel;
using JobWise.ApiService.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;

namespace JobWise.ApiService.Tailoring;

public static class TailoringServiceExtensions
{
    public static IHostApplicationBuilder AddTailoring(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<LlmTailoringOptions>(LlmTailoringOptions.SectionName);
        builder.Services.AddSingleton<IChatClient>(services =>
        {
            var options = services.GetRequiredService<IOptions<LlmTailoringOptions>>().Value;
            return new OpenAIClient(new ApiKeyCredential(options.ApiKey), new OpenAIClientOptions
                {
                    Endpoint = new Uri(options.Endpoint),
                    // The fallback is ours to take; retries would only stretch the wait.
                    RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(maxRetries: 0),
                })
                .GetChatClient(options.Model)
                .AsIChatClient()
                .AsBuilder()
                // The model call as a gen_ai span under the "tailor" span, with its token usage.
                .UseOpenTelemetry(sourceName: ApiTelemetry.Name)
                .Build(services);
        });
        builder.Services.AddSingleton<LlmTailor>();
        builder.Services.AddSingleton<GenerationTailor>();
        return builder;
    }
}
