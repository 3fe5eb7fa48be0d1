using System.ComponentModel.DataAnnotations;

namespace JobWise.Web.Session;

/// <summary>The browser's sign-in cookie and the API tokens it carries.</summary>
public sealed class SessionCookieOptions
{
    public const string Section = "Session";

    /// <summary>Send the cookie over HTTPS only. Off only for local development over plain HTTP.</summary>
    public bool SecureCookie { get; set; } = true;

    /// <summary>How long a sign-in lasts without use; matches the API's refresh-token lifetime.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Refresh the access token when it expires within this long, so a request never carries a dead one.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:30:00")]
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(1);
}
