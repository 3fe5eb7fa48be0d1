using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JobWise.AppHost;

/// <summary>
/// A TCP health check that speaks one exchange of the server's own protocol. A bare connect is not enough:
/// Aspire's endpoint proxy accepts connections before the server behind it is listening.
/// </summary>
public sealed record ProtocolProbe(string Name, byte[] Request, Func<byte[], int, bool> IsHealthyReply)
{
    /// <summary>PostgreSQL's SSLRequest; a live server answers one byte, 'S' or 'N'.</summary>
    public static readonly ProtocolProbe PostgresSslRequest = new(
        "postgres",
        [0, 0, 0, 8, 0x04, 0xD2, 0x16, 0x2F],
        (reply, length) => length >= 1 && (reply[0] == (byte)'S' || reply[0] == (byte)'N'));

    public static readonly ProtocolProbe RedisPing = new(
        "redis",
        "PING\r\n"u8.ToArray(),
        (reply, length) => length >= 5 && System.Text.Encoding.ASCII.GetString(reply, 0, 5) == "+PONG");

    public async Task<HealthCheckResult> CheckAsync(EndpointReference endpoint, CancellationToken cancellationToken)
    {
        if (!endpoint.IsAllocated)
        {
            return HealthCheckResult.Unhealthy($"{Name}: endpoint not allocated yet");
        }
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            using var client = new TcpClient();
            await client.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Request, timeout.Token);
            var reply = new byte[64];
            var length = await stream.ReadAsync(reply, timeout.Token);
            return IsHealthyReply(reply, length)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{Name}: unexpected reply");
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{Name}: {exception.Message}");
        }
    }
}

public static class ProtocolProbeExtensions
{
    public static IResourceBuilder<T> WithProtocolProbe<T>(this IResourceBuilder<T> builder, ProtocolProbe probe)
        where T : IResourceWithEndpoints
    {
        var endpoint = builder.Resource.GetEndpoint("tcp");
        var checkName = $"{builder.Resource.Name}_{probe.Name}_probe";
        builder.ApplicationBuilder.Services.AddHealthChecks()
            .AddAsyncCheck(checkName, cancellationToken => probe.CheckAsync(endpoint, cancellationToken));
        return builder.WithHealthCheck(checkName);
    }
}
