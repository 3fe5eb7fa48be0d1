using System.Net;
using System.Net.Sockets;

namespace JobWise.Tests.Infrastructure;

/// <summary>
/// HTTP clients that connect to a real server from a chosen loopback address (127.0.0.2, 127.0.0.3, ...), so the
/// server sees different client addresses without trusting forwarded headers. Linux routes all of 127.0.0.0/8 to
/// the loopback interface, so binding the client socket to any of them needs no set-up.
/// </summary>
public static class LoopbackClient
{
    private static int _lastHost = 1;

    /// <summary>A loopback address no other caller in this test run has been given.</summary>
    public static IPAddress NextAddress()
    {
        var host = Interlocked.Increment(ref _lastHost);
        return new IPAddress([127, (byte)(host >> 16), (byte)(host >> 8), (byte)host]);
    }

    public static HttpClient Create(string baseUrl, IPAddress from) =>
        new(new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        { BaseAddress = new Uri(baseUrl) };
}
