using System.Net;
using System.Net.Sockets;

namespace JobWise.Tests.Infrastructure;

/// <summary>
/// HTTP clients that connect from a chosen loopback address (any of 127.0.0.0/8 on Linux), so that one machine can
/// play several clients and a proxy, each with an address of its own as the server sees it.
/// </summary>
public static class LoopbackClient
{
    public static readonly IPAddress Proxy = IPAddress.Parse("127.0.0.2");

    /// <summary>A distinct client address per use, never the proxy's nor 127.0.0.1.</summary>
    public static IPAddress NewClientAddress() =>
        new([127, 0, (byte)Random.Shared.Next(1, 255), (byte)Random.Shared.Next(1, 255)]);

    public static SocketsHttpHandler Handler(IPAddress source) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    public static HttpClient From(IPAddress source, string baseAddress) =>
        new(Handler(source)) { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromSeconds(100) };
}
