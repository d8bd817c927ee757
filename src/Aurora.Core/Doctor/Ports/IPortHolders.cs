namespace Aurora.Core.Doctor.Ports;

/// Who holds a TCP port, if anyone: the seam over /proc and the socket layer.
public interface IPortHolders
{
    PortHolder? Holder(int port);
}
