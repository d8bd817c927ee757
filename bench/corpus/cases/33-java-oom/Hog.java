import java.util.ArrayList;
import java.util.List;

public class Hog {
    public static void main(String[] args) {
        List<long[]> cache = new ArrayList<>();
        while (true) {
            cache.add(new long[1 << 18]);
        }
    }
}
