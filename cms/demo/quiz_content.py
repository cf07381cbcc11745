"""Demo question banks for the three demo courses, written for this project.

Plain data: `cms.demo.quizzes` writes it to the database. Every case is fictional.
A question's text is its natural key, so rewording a question makes a new one.
"""

from dataclasses import dataclass, field

TRUE = "Đúng"
FALSE = "Sai"


@dataclass(frozen=True)
class DemoQuestion:
    kind: str  # a courses.models.Question.Kind value
    text: str
    explanation: str
    choices: tuple[tuple[str, bool], ...] = ()
    accepted_answers: tuple[str, ...] = ()
    partial_credit: bool = False


@dataclass(frozen=True)
class DemoBank:
    course_code: str
    category: str
    pre_test_title: str
    post_test_title: str
    questions: tuple[DemoQuestion, ...] = field(default_factory=tuple)


def single(text: str, choices: list[tuple[str, bool]], why: str) -> DemoQuestion:
    return DemoQuestion("single", text, why, tuple(choices))


def multiple(
    text: str, choices: list[tuple[str, bool]], why: str, *, partial: bool = False
) -> DemoQuestion:
    return DemoQuestion("multiple", text, why, tuple(choices), partial_credit=partial)


def true_false(text: str, *, is_true: bool, why: str) -> DemoQuestion:
    return DemoQuestion(
        "true_false", text, why, ((TRUE, is_true), (FALSE, not is_true))
    )


def short(text: str, accepted: list[str], why: str) -> DemoQuestion:
    return DemoQuestion("short", text, why, accepted_answers=tuple(accepted))


POPULATION = DemoBank(
    course_code="DS",
    category="Nghiệp vụ cộng tác viên dân số",
    pre_test_title="Kiểm tra đầu khoá: Nghiệp vụ cộng tác viên dân số",
    post_test_title="Kiểm tra cuối khoá: Nghiệp vụ cộng tác viên dân số",
    questions=(
        single(
            "Theo Thông tư 01/2022/TT-BYT, việc nào dưới đây là nhiệm vụ của cộng "
            "tác viên dân số?",
            [
                ("Cấp giấy khai sinh cho trẻ mới sinh trong thôn", False),
                (
                    "Ghi chép, cập nhật sổ A0 của thôn và thu tin những thay đổi "
                    "hằng tháng",
                    True,
                ),
                ("Quyết định mỗi cặp vợ chồng được sinh mấy con", False),
                ("Đặt vòng tránh thai cho chị em tại nhà", False),
            ],
            "Cộng tác viên ghi chép sổ A0, thu tin và báo cáo, truyền thông, tư vấn "
            "ban đầu và giới thiệu bà con đến dịch vụ. Khai sinh là việc của xã; "
            "đặt vòng là việc của cán bộ y tế.",
        ),
        true_false(
            "Trong sổ A0, mỗi hộ gia đình có một trang riêng.",
            is_true=True,
            why="Sổ A0 là sổ gốc của thôn: mỗi hộ một trang, ghi từng người trong hộ.",
        ),
        single(
            "Cả nhà ông Tòng (nhân vật hư cấu) chuyển vào tỉnh khác sinh sống. Cộng "
            "tác viên làm gì với trang hộ của nhà ông trong sổ A0?",
            [
                ("Xé trang đó đi cho sổ gọn", False),
                ("Bôi xoá tên các thành viên trong hộ", False),
                (
                    "Giữ nguyên trang, ghi “Chuyển đi”, ngày chuyển đi và lý do",
                    True,
                ),
                ("Để nguyên trang, không cần ghi thêm gì", False),
            ],
            "Không bao giờ xé hay xoá trang hộ. Ghi “Chuyển đi”, ngày và lý do, rồi "
            "báo thay đổi này trên phiếu thu tin của tháng.",
        ),
        short(
            "Phiếu thu tin hằng tháng được cộng tác viên nộp tại buổi họp nào với "
            "viên chức dân số xã? (Viết tên buổi họp, hai chữ.)",
            ["giao ban", "buổi giao ban", "họp giao ban"],
            "Phiếu thu tin được nộp tại buổi giao ban hằng tháng ở xã; ở đó cán bộ "
            "xã cùng cộng tác viên xem lại từng phiếu.",
        ),
        single(
            "Tháng báo cáo của cộng tác viên dân số được tính thế nào?",
            [
                ("Từ ngày 15 tháng trước đến ngày 14 tháng này", False),
                ("Từ ngày 25 tháng trước đến ngày 24 tháng này", False),
                ("Từ ngày 1 đến ngày cuối cùng của tháng", True),
                ("Tuỳ mỗi cộng tác viên tự chọn", False),
            ],
            "Tháng báo cáo tính từ ngày 1 đến ngày cuối cùng của tháng; sự việc xảy "
            "ra ngày nào thì thuộc tháng đó.",
        ),
        single(
            "Một cháu sinh ngày 31/3 nhưng đến ngày 2/4 cộng tác viên mới biết. Ghi "
            "việc sinh này thế nào?",
            [
                (
                    "Ghi đúng ngày sinh 31/3, nộp ở buổi giao ban gần nhất và báo "
                    "đây là tin báo muộn",
                    True,
                ),
                ("Ghi ngày sinh là 1/4 cho khớp với tháng biết tin", False),
                ("Bỏ qua, vì tháng 3 đã hết", False),
                ("Đợi cuối năm ghi một lần cho đủ", False),
            ],
            "Sự việc thuộc tháng nó xảy ra. Ghi đúng ngày, không sửa ngày cho khỏi "
            "bị nhắc; báo với viên chức dân số xã là tin báo muộn.",
        ),
        multiple(
            "Những sự việc nào cần ghi vào phiếu thu tin của tháng? (Chọn tất cả ý "
            "đúng.)",
            [
                ("Có trẻ sinh ra trong thôn", True),
                ("Chép lại toàn bộ sổ A0", False),
                ("Có người trong thôn mất", True),
                ("Một phụ nữ bắt đầu dùng biện pháp tránh thai", True),
                ("Một hộ mua xe máy mới", False),
            ],
            "Phiếu thu tin chỉ ghi những thay đổi về dân số trong tháng: sinh, mất, "
            "chuyển đi, chuyển đến, kết hôn, có thai, biện pháp tránh thai.",
            partial=True,
        ),
        true_false(
            "Từ tháng 6 năm 2025, vợ chồng tự quyết định số con, thời điểm sinh con "
            "và khoảng cách giữa các lần sinh.",
            is_true=True,
            why="Quy định mỗi cặp vợ chồng chỉ sinh một hoặc hai con đã được bỏ từ "
            "tháng 6 năm 2025. Cộng tác viên cung cấp thông tin để vợ chồng tự "
            "quyết.",
        ),
        single(
            "Sau khi nghe tư vấn, chị Dung (nhân vật hư cấu) nói chưa muốn dùng biện "
            "pháp tránh thai nào. Cộng tác viên nên làm gì?",
            [
                ("Tuần nào cũng đến thuyết phục cho đến khi chị đồng ý", False),
                ("Nói chuyện với chồng chị để anh quyết định thay", False),
                (
                    "Tôn trọng quyết định của chị, giữ kín chuyện và cho chị biết có "
                    "thể quay lại hỏi bất cứ lúc nào",
                    True,
                ),
                ("Nhờ chi hội phụ nữ cùng đến khuyên chị", False),
            ],
            "Người quyết định là khách hàng. Cộng tác viên không nài ép, không kể "
            "chuyện của khách hàng cho người khác.",
        ),
        multiple(
            "Những nội dung nào cộng tác viên cần truyền thông cho bà con trong "
            "thôn? (Chọn tất cả ý đúng.)",
            [
                ("Không lựa chọn giới tính thai nhi", True),
                ("Nhà nào cũng nên cố có con trai nối dõi", False),
                ("Khám thai, sàng lọc trước sinh và sàng lọc sơ sinh", True),
                ("Không tảo hôn, không kết hôn cận huyết thống", True),
            ],
            "Lựa chọn giới tính thai nhi bị nghiêm cấm; con trai hay con gái đều quý. "
            "Sàng lọc giúp phát hiện sớm bệnh; tảo hôn và kết hôn cận huyết thống "
            "ảnh hưởng xấu đến sức khoẻ của mẹ và con.",
        ),
        true_false(
            "Cộng tác viên có thể cho hàng xóm thân quen xem sổ A0 nếu họ hỏi.",
            is_true=False,
            why="Thông tin của từng hộ phải được giữ bí mật; người ngoài không được "
            "xem sổ A0.",
        ),
        single(
            "Bước đầu tiên trong sáu bước tư vấn là gì?",
            [
                ("Giúp khách hàng lựa chọn biện pháp", False),
                (
                    "Chào hỏi: chọn chỗ kín đáo, giới thiệu mình và hứa giữ bí mật",
                    True,
                ),
                ("Giải thích cách dùng biện pháp đã chọn", False),
                ("Hẹn ngày gặp lại", False),
            ],
            "Sáu bước là: chào hỏi, hỏi, giới thiệu thông tin, giúp lựa chọn, giải "
            "thích, hẹn gặp lại. Chào hỏi tạo sự tin cậy để khách hàng nói thật.",
        ),
    ),
)


SOCIAL_WORK = DemoBank(
    course_code="CTXH",
    category="Kỹ năng tư vấn và hỗ trợ ở cơ sở",
    pre_test_title="Kiểm tra đầu khoá: Kỹ năng tư vấn và hỗ trợ",
    post_test_title="Kiểm tra cuối khoá: Kỹ năng tư vấn và hỗ trợ",
    questions=(
        single(
            "Câu nào dưới đây là câu hỏi mở?",
            [
                ("“Chị có con dưới 5 tuổi không?”", False),
                ("“Chị kể em nghe dạo này ở nhà thế nào?”", True),
                ("“Anh đã lên trạm y tế chưa?”", False),
                ("“Bác năm nay bao nhiêu tuổi?”", False),
            ],
            "Câu hỏi mở mời người kia kể thêm, dùng để tìm hiểu. Ba câu còn lại chỉ "
            "cần trả lời có, không hoặc một con số: đó là câu hỏi đóng.",
        ),
        true_false(
            "Câu hỏi đóng thường được dùng để xác nhận thông tin.",
            is_true=True,
            why="Câu hỏi đóng chỉ cần trả lời có, không hay một con số; dùng để chốt "
            "lại điều đã nghe.",
        ),
        single(
            "Tình nguyện viên được chia sẻ thông tin của thân chủ với người khác khi "
            "nào?",
            [
                ("Khi người hỏi là hàng xóm hoặc họ hàng của thân chủ", False),
                (
                    "Khi thân chủ đồng ý, hoặc khi pháp luật buộc phải báo vì có nguy "
                    "cơ tổn hại nghiêm trọng",
                    True,
                ),
                ("Khi cần một ví dụ sinh động cho buổi họp thôn", False),
                ("Bất cứ lúc nào, miễn là không nêu họ tên", False),
            ],
            "Bảo mật là nguyên tắc đạo đức. Chỉ chia sẻ khi thân chủ đồng ý, hoặc khi "
            "pháp luật buộc phải báo (ý định tự tử, định làm hại người khác, trẻ em "
            "bị xâm hại), và chỉ nói điều thật cần thiết.",
        ),
        single(
            "Bước đầu tiên của quá trình quản lý trường hợp là gì?",
            [
                ("Lập kế hoạch hỗ trợ", False),
                ("Chuyển gửi đến dịch vụ", False),
                ("Tiếp nhận và xây dựng lòng tin", True),
                ("Theo dõi và điều chỉnh kế hoạch", False),
            ],
            "Trình tự: tiếp nhận, đánh giá, lập kế hoạch cùng thân chủ, thực hiện và "
            "chuyển gửi, theo dõi, kết thúc. Chưa có lòng tin thì các bước sau rất "
            "khó làm.",
        ),
        single(
            "Mỷ (nhân vật hư cấu) vừa được đưa về bản sau khi bị mua bán. Điều Mỷ "
            "cần trước tiên là gì?",
            [
                ("Kể lại đầy đủ mọi chuyện để ghi hồ sơ cho đủ", False),
                (
                    "Được lắng nghe và được lo những nhu cầu trước mắt: chỗ ở an "
                    "toàn, ăn uống, khám bệnh, liên lạc với người thân",
                    True,
                ),
                ("Gặp bà con trong bản để giải thích chuyện đã xảy ra", False),
                ("Được khuyên quên chuyện cũ và đi làm ngay", False),
            ],
            "Không bao giờ ép người bị mua bán trở về kể lại: mỗi lần kể là sống lại "
            "nỗi đau. Lấy lời khai là việc của cơ quan chức năng, khi người đó sẵn "
            "sàng.",
        ),
        multiple(
            "Diễn đạt lại (nói lại ý chính của người kia bằng lời của mình) giúp "
            "được gì? (Chọn tất cả ý đúng.)",
            [
                ("Cho người kia thấy mình đang lắng nghe", True),
                ("Cho thân chủ thấy họ đã sai ở đâu", False),
                ("Kiểm tra xem mình đã hiểu đúng chưa", True),
                ("Thay cho việc hỏi ý kiến thân chủ", False),
            ],
            "Diễn đạt lại cho thấy mình đang nghe, và nếu mình hiểu sai thì người "
            "kia sẽ sửa lại. Nó không dùng để phán xét hay quyết định thay.",
            partial=True,
        ),
        short(
            "Nguyên tắc đạo đức “không đánh giá, không chê trách lối sống của thân "
            "chủ” gọi là gì? (Ba chữ, bắt đầu bằng “không”.)",
            ["không phán xét"],
            "Không phán xét: tập trung vào nhu cầu và khả năng của thân chủ, không "
            "đánh giá con người họ.",
        ),
        true_false(
            "Giảm tác hại nghĩa là khuyến khích người sử dụng ma tuý cứ tiếp tục sử "
            "dụng.",
            is_true=False,
            why="Giảm tác hại giúp người ta bớt nguy hiểm cho sức khoẻ trong lúc chưa "
            "thay đổi được hành vi (điều trị methadone, bơm kim tiêm sạch, xét "
            "nghiệm HIV), để họ còn cơ hội thay đổi.",
        ),
        multiple(
            "Cách gọi nào thể hiện sự tôn trọng và giúp giảm kỳ thị? (Chọn tất cả ý "
            "đúng.)",
            [
                ("“người sử dụng ma tuý”", True),
                ("“con nghiện”", False),
                ("“người bán dâm”", True),
                ("“thành phần bất hảo”", False),
            ],
            "Gọi người bằng hành vi hay hoàn cảnh của họ, không dán nhãn xúc phạm.",
        ),
        single(
            "Trước khi chuyển gửi thân chủ đến một dịch vụ, tình nguyện viên cần làm "
            "gì?",
            [
                (
                    "Giải thích dịch vụ và hỏi thân chủ có đồng ý không, đồng ý chia "
                    "sẻ những thông tin nào",
                    True,
                ),
                ("Gửi ngay toàn bộ hồ sơ cho nơi nhận cho nhanh", False),
                ("Hỏi ý kiến gia đình thân chủ thay cho thân chủ", False),
                ("Chụp hồ sơ gửi qua Zalo cho nơi nhận", False),
            ],
            "Chuyển gửi cần sự đồng ý của thân chủ, và phiếu chuyển gửi chỉ ghi những "
            "thông tin cần thiết mà thân chủ đã đồng ý chia sẻ.",
        ),
        short(
            "Số điện thoại của Tổng đài quốc gia bảo vệ trẻ em là số nào?",
            ["111"],
            "111 là tổng đài bảo vệ trẻ em, miễn phí; 113 là công an, 115 là cấp cứu.",
        ),
        true_false(
            "Mất ngủ kéo dài, hay cáu gắt và né tránh đi thăm thân chủ có thể là dấu "
            "hiệu tình nguyện viên đang kiệt sức.",
            is_true=True,
            why="Người giúp cũng cần được chăm sóc: giữ ranh giới, chia sẻ trong đội "
            "(không nêu tên thân chủ), ngủ đủ, đi theo cặp khi có nguy hiểm.",
        ),
    ),
)


CLUB = DemoBank(
    course_code="CLB",
    category="Quản lý câu lạc bộ Liên thế hệ tự giúp nhau",
    pre_test_title="Kiểm tra đầu khoá: Quản lý câu lạc bộ Liên thế hệ",
    post_test_title="Kiểm tra cuối khoá: Quản lý câu lạc bộ Liên thế hệ",
    questions=(
        single(
            "Một câu lạc bộ Liên thế hệ tự giúp nhau thường có bao nhiêu thành viên?",
            [
                ("10-15 người, toàn người cao tuổi", False),
                ("50-70 người, khoảng 70% là người cao tuổi", True),
                ("Toàn bộ người dân trong thôn", False),
                ("150-200 người, chủ yếu là thanh niên", False),
            ],
            "Câu lạc bộ thường có 50-70 thành viên, khoảng 70% là người cao tuổi, số "
            "còn lại là người trung niên và người trẻ.",
        ),
        short(
            "Cơ quan nào ra quyết định thành lập câu lạc bộ? (Viết tên cơ quan.)",
            [
                "Uỷ ban nhân dân xã",
                "UBND xã",
                "Uỷ ban nhân dân cấp xã",
                "UBND cấp xã",
            ],
            "Câu lạc bộ chỉ được thành lập chính thức khi Uỷ ban nhân dân xã ra "
            "quyết định; trưởng thôn ký giấy là chưa đủ.",
        ),
        true_false(
            "Thủ quỹ và kế toán của câu lạc bộ có thể là cùng một người, nếu người đó "
            "được mọi người tin tưởng.",
            is_true=False,
            why="Người giữ tiền không tự ghi sổ, người ghi sổ không giữ tiền. Hai "
            "người kiểm tra chéo nhau, và cả hai đều được bảo vệ khi có thắc mắc.",
        ),
        single(
            "Khoản vay của quỹ quay vòng được duyệt thế nào?",
            [
                ("Chủ nhiệm duyệt riêng với người vay cho nhanh", False),
                ("Thủ quỹ quyết định, vì là người giữ tiền", False),
                (
                    "Ban chủ nhiệm xem xét theo quy chế quỹ và duyệt công khai tại "
                    "buổi sinh hoạt",
                    True,
                ),
                ("Người vay tự ghi vào sổ rồi nhận tiền", False),
            ],
            "Không có khoản vay nào được duyệt “riêng”. Ban chủ nhiệm duyệt công khai "
            "trước buổi sinh hoạt, đúng quy chế quỹ, và ghi vào biên bản.",
        ),
        single(
            "Bà Hạnh (nhân vật hư cấu) chậm trả kỳ này vì ốm phải nằm viện. Ban chủ "
            "nhiệm nên làm gì?",
            [
                ("Đọc tên bà trong buổi họp thôn để nhắc nhở", False),
                (
                    "Đến thăm hỏi, động viên, và có thể cho gia hạn theo đúng quy chế "
                    "quỹ, báo cáo công khai ở buổi sinh hoạt",
                    True,
                ),
                ("Không cho bà vay lần sau nữa", False),
                ("Yêu cầu người nhà bà trả ngay", False),
            ],
            "Tìm hiểu lý do trước. Chậm trả vì ốm đau thì thăm hỏi và có thể gia hạn "
            "theo quy chế; không đòi nợ gay gắt, không bêu tên.",
        ),
        multiple(
            "Ở buổi sinh hoạt hằng tháng, câu lạc bộ thường làm những việc nào? "
            "(Chọn tất cả ý đúng.)",
            [
                ("Công khai thu chi của quỹ", True),
                ("Chia đều tiền quỹ cho các thành viên", False),
                ("Xét duyệt công khai các đơn vay vốn", True),
                ("Đo huyết áp, nói chuyện sức khoẻ ngắn", True),
            ],
            "Buổi sinh hoạt gồm khởi động, sức khoẻ, báo cáo và công khai thu chi, xét "
            "duyệt đơn vay, thông tin chính sách và thống nhất việc tháng tới. Quỹ "
            "quay vòng để cho vay rồi thu về, không chia nhau.",
            partial=True,
        ),
        single(
            "Câu lạc bộ sinh hoạt bao lâu một lần?",
            [
                ("Mỗi tháng một lần, vào một ngày cố định", True),
                ("Mỗi quý một lần", False),
                ("Mỗi năm một lần, vào dịp Tết", False),
                ("Khi nào có tiền hỗ trợ thì họp", False),
            ],
            "Sinh hoạt hằng tháng vào ngày cố định để thành viên dễ nhớ; báo cáo gửi "
            "xã thì làm theo quý.",
        ),
        true_false(
            "Nhóm tình nguyện viên chăm sóc tại nhà của câu lạc bộ có ít nhất 5 người.",
            is_true=True,
            why="Nhóm chăm sóc tại nhà có ít nhất 5 tình nguyện viên, ưu tiên người ở "
            "gần nhà người được chăm sóc.",
        ),
        single(
            "Khi người vay trả hết nợ, số tiền thu về được dùng thế nào?",
            [
                ("Chia cho ban chủ nhiệm làm thù lao", False),
                ("Cho thành viên khác vay vòng tiếp, theo quy chế quỹ", True),
                ("Nộp lên xã", False),
                ("Trả lại cho người hảo tâm đã góp", False),
            ],
            "Đó là ý nghĩa của quỹ quay vòng: làm đơn, xét, duyệt công khai, giải "
            "ngân, theo dõi, trả nợ, rồi cho người khác vay tiếp.",
        ),
        multiple(
            "Những sổ nào câu lạc bộ cần có? (Chọn tất cả ý đúng.)",
            [
                ("Sổ quỹ tiền mặt do thủ quỹ giữ", True),
                ("Sổ kế toán do kế toán giữ", True),
                ("Sổ ghi nợ riêng của chủ nhiệm, không cho ai xem", False),
                ("Sổ theo dõi cho vay", True),
            ],
            "Ngoài ra còn sổ thành viên, sổ biên bản, sổ chăm sóc tại nhà. Sổ quỹ và "
            "sổ kế toán phải khớp nhau; không có sổ nào “riêng”.",
        ),
        true_false(
            "Câu lạc bộ mới có thể chép nguyên quy chế của câu lạc bộ đỡ đầu, không "
            "cần thành viên biểu quyết.",
            is_true=False,
            why="Quy chế của câu lạc bộ đỡ đầu chỉ là mẫu. Câu lạc bộ mới bàn, sửa cho "
            "hợp với thôn mình rồi để thành viên biểu quyết thông qua.",
        ),
        single(
            "Việc nào thuộc tám nội dung hoạt động của câu lạc bộ?",
            [
                ("Cho người ngoài thôn vay lãi cao", False),
                (
                    "Chăm sóc tại nhà cho người cao tuổi yếu và người khuyết tật",
                    True,
                ),
                ("Thu thuế của các hộ kinh doanh trong thôn", False),
                ("Xử phạt hộ vi phạm vệ sinh môi trường", False),
            ],
            "Tám nội dung gồm: sinh kế, sức khoẻ, chăm sóc tại nhà, văn hoá - thể "
            "thao, học tập suốt đời, tự giúp nhau, quyền và chính sách, huy động "
            "nguồn lực.",
        ),
    ),
)


BANKS: tuple[DemoBank, ...] = (POPULATION, SOCIAL_WORK, CLUB)
