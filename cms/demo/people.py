"""Fictional trainees for the demo classes. Any likeness to real people is chance."""

from courses.models import Trainee

F, M = Trainee.Sex.FEMALE, Trainee.Sex.MALE

# class code -> (organisation key, role, [(full name, sex, birth year, village)])
DEMO_TRAINEES: dict[str, tuple[str, str, list[tuple[str, str, int, str]]]] = {
    "DEMO-CTXH-01": (
        "tt-ctxh-pt",
        Trainee.Role.SOCIAL_WORK_VOLUNTEER,
        [
            ("Nguyễn Thị Thu Hằng", F, 1988, "Khu 3"),
            ("Trần Văn Hưng", M, 1979, "Khu 5"),
            ("Đinh Thị Ngọc Ánh", F, 1995, "Khu Đồng Lạng"),
            ("Hà Văn Quyết", M, 1983, "Khu Mộ"),
            ("Lê Thị Mỹ Duyên", F, 1991, "Khu 7"),
            ("Phùng Văn Tiến", M, 1976, "Khu Gò Chè"),
            ("Bùi Thị Ước", F, 1969, "Khu Xóm Mới"),
            ("Đỗ Minh Khôi", M, 1998, "Khu 2"),
            ("Vi Thị Lường", F, 1985, "Khu Liên Phú"),
            ("Kiều Văn Ổn", M, 1972, "Khu 9"),
            ("Nguyễn Thị Ơn", F, 1980, "Khu Đình"),
            ("Triệu Thị Yến", F, 1993, "Khu Bãi Lạc"),
        ],
    ),
    "DEMO-CLB-01": (
        "hoi-nct-tn",
        Trainee.Role.CLUB_LEADER,
        [
            ("Ma Văn Thịnh", M, 1954, "Xóm Nà Pặc"),
            ("Hoàng Thị Sáu", F, 1958, "Xóm Bản Cái"),
            ("Dương Văn Lự", M, 1951, "Xóm Khau Lầu"),
            ("Lưu Thị Hoà", F, 1962, "Xóm Đồng Tâm"),
            ("Nông Thị Đào", F, 1960, "Xóm Nà Kham"),
            ("Âu Văn Phúc", M, 1956, "Xóm Làng Mới"),
            ("Tô Thị Quý", F, 1964, "Xóm Cốc Lùng"),
            ("La Văn Đường", M, 1953, "Xóm Bản Tèn"),
            ("Lục Thị Nhung", F, 1967, "Xóm Pác Cáp"),
            ("Mông Văn Ích", M, 1959, "Xóm Nà Ho"),
            ("Chu Thị Êm", F, 1961, "Xóm Khuổi Chao"),
            ("Quan Văn Ưng", M, 1957, "Xóm Bản Piềng"),
        ],
    ),
}
