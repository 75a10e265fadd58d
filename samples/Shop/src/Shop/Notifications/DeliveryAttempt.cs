using System.Globalization;
using System.Text;

namespace Shop.Notifications;

/// <summary>Which attempt a delivery is, carried in the <c>x-attempt</c> header (absent on the first).</summary>
public static class DeliveryAttempt
{
    public const string Header = "x-attempt";

    public static int Read(IDictionary<string, object?>? headers)
    {
        if (headers is null || !headers.TryGetValue(Header, out var value))
        {
            return 1;
        }

        var attempt = value switch
        {
            int number => number,
            long number => (int)number,
            byte[] text => int.TryParse(Encoding.UTF8.GetString(text), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 1,
            string text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 1,
            _ => 1,
        };
        return Math.Max(1, attempt);
    }
}
