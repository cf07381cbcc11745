"""Demo training content for seed_demo: three courses, written for this project."""

COURSES: list[dict] = [
    {
        "code": "DS",
        "slug": "nghiep-vu-ctv-dan-so",
        "topic": "statistics",
        "audience": "population_collaborator",
        "title": "Nghiệp vụ cơ bản cho cộng tác viên dân số",
        "title_en": "Core skills for village population collaborators",
        "summary": (
            "Khoá học giúp cộng tác viên dân số nắm chắc nhiệm vụ của mình, cách ghi "
            "sổ A0, phiếu thu tin hằng tháng, cách truyền thông và tư vấn ban đầu cho "
            "bà con trong thôn."
        ),
        "summary_en": (
            "Helps village population collaborators learn their duties, the A0 "
            "household register, the monthly information slip, and how to run "
            "communication and first-line counselling in the village."
        ),
        "lessons": [
            {
                "slug": "vai-tro-nhiem-vu",
                "title": "Vai trò và nhiệm vụ của cộng tác viên dân số",
                "title_en": "Role and duties of the population collaborator",
                "minutes": 15,
                "intro": (
                    "Cộng tác viên dân số là cầu nối giữa bà con trong thôn với cán bộ "
                    "dân số và trạm y tế xã."
                ),
                "body": [
                    ("heading", "Cộng tác viên dân số là ai?"),
                    (
                        "paragraph",
                        (
                            "<p>Mỗi thôn, bản hoặc tổ dân phố thường có <b>một cộng "
                            "tác viên dân số</b>. Đó là người sống trong thôn, hiểu "
                            "phong tục, nói được tiếng của bà con và được bà con tin "
                            "cậy. Cộng tác viên làm việc theo hướng dẫn của <b>viên "
                            "chức dân số xã</b> và trạm y tế xã, được nhận một khoản "
                            "thù lao nhỏ hằng tháng.</p><p>Có thể hình dung cộng tác "
                            "viên như một <b>cây cầu</b>: đưa thông tin và dịch vụ từ "
                            "xã về đến từng nhà, đồng thời đưa tình hình của từng hộ "
                            "trong thôn lên xã.</p>"
                        ),
                    ),
                    ("heading", "Bốn nhóm việc chính"),
                    (
                        "paragraph",
                        (
                            "<p>Công việc của cộng tác viên được hướng dẫn trong Thông "
                            "tư 01/2022/TT-BYT của Bộ Y tế. Có thể gói lại thành bốn "
                            "nhóm việc:</p><ol><li><b>Ghi chép:</b> giữ và cập nhật sổ "
                            "A0 của thôn, mỗi hộ gia đình một trang.</li><li><b>Thu "
                            "tin và báo cáo:</b> ghi những thay đổi trong tháng vào "
                            "phiếu thu tin, nộp tại buổi giao ban hằng tháng ở "
                            "xã.</li><li><b>Truyền thông:</b> đến thăm hộ, nói chuyện "
                            "nhóm nhỏ, lồng ghép vào các buổi họp thôn để bà con hiểu "
                            "và làm đúng chính sách dân số.</li><li><b>Tư vấn và kết "
                            "nối dịch vụ:</b> tư vấn ban đầu về sức khoẻ sinh sản, "
                            "phân phối bao cao su, viên uống tránh thai theo hướng dẫn "
                            "của xã, giới thiệu bà con lên trạm y tế khi cần.</li></ol>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": (
                                "Luôn mang theo một cuốn sổ tay nhỏ khi đi thăm hộ. "
                                "Ghi ngay ngày tháng và sự việc, tối về mới chép vào "
                                "sổ A0 và phiếu thu tin, như vậy sẽ không bị quên hay "
                                "nhầm."
                            ),
                        },
                    ),
                    ("heading", "Những điều cộng tác viên phải giữ"),
                    (
                        "key_points",
                        [
                            (
                                "Ghi đúng, ghi đủ, ghi kịp thời: số liệu của thôn là "
                                "cơ sở để xã và tỉnh lập kế hoạch."
                            ),
                            (
                                "Giữ bí mật thông tin của từng hộ; không cho người "
                                "ngoài xem sổ A0."
                            ),
                            (
                                "Tôn trọng bà con: cung cấp thông tin và lắng nghe, "
                                "không ép buộc, không chê trách."
                            ),
                            (
                                "Chỗ nào chưa chắc thì hỏi viên chức dân số xã trước "
                                "khi ghi."
                            ),
                        ],
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Cộng tác viên không phải là người <i>ra lệnh</i> cho "
                            "bà con sinh con thế nào hay dùng biện pháp gì. Việc của "
                            "cộng tác viên là <b>ghi chép trung thực, cung cấp thông "
                            "tin đúng và giúp bà con tiếp cận dịch vụ</b>.</p>"
                        ),
                    ),
                    (
                        "case_study",
                        {
                            "title": "Chị Mai mới nhận việc",
                            "text": (
                                "Chị Mai vừa được thôn giới thiệu làm cộng tác viên "
                                "dân số. Người làm trước chị đã đi làm ăn xa, để lại "
                                "cuốn sổ A0 và một túi phiếu thu tin ghi dở. Chị lo "
                                "lắng, không biết bắt đầu từ đâu."
                            ),
                            "question": (
                                "Theo anh chị, trong tuần đầu tiên chị Mai nên làm "
                                "những việc gì, và nên nhờ ai giúp đỡ?"
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "so-a0-trang-ho",
                "title": "Sổ A0 và trang hộ gia đình",
                "title_en": "The A0 register and household pages",
                "minutes": 20,
                "intro": (
                    "Sổ A0 là sổ gốc của thôn: mỗi hộ một trang, ghi đầy đủ và không "
                    "bao giờ xé bỏ."
                ),
                "body": [
                    ("heading", "Sổ A0 dùng để làm gì?"),
                    (
                        "paragraph",
                        (
                            "<p>Sổ A0 là sổ ghi chép ban đầu về dân số của thôn. Trong "
                            "sổ, <b>mỗi hộ gia đình có một trang riêng</b>, ghi thông "
                            "tin của từng người trong hộ: họ tên, năm sinh, giới tính, "
                            "quan hệ với chủ hộ, tình trạng hôn nhân, và với phụ nữ "
                            "trong độ tuổi sinh đẻ thì ghi thêm việc có thai, sinh "
                            "con, dùng biện pháp tránh thai.</p><p>Nhờ sổ A0, xã biết "
                            "thôn có bao nhiêu hộ, bao nhiêu người, ai mới sinh, ai "
                            "chuyển đi, chuyển đến. <b>Sổ của thôn ghi sai thì báo cáo "
                            "của cả xã cũng sai.</b></p>"
                        ),
                    ),
                    ("heading", "Cách ghi một trang hộ"),
                    (
                        "paragraph",
                        (
                            "<p>Khi lập trang cho một hộ, nên làm theo mấy điều "
                            "sau:</p><ul><li>Ghi chủ hộ trước, sau đó lần lượt từng "
                            "người trong hộ.</li><li>Viết rõ ràng bằng bút bi mực xanh "
                            "hoặc đen, không dùng bút chì.</li><li>Ghi ngày theo kiểu "
                            "ngày/tháng/năm, ví dụ 05/03/2026 là ngày 5 tháng 3 năm "
                            "2026.</li><li>Khi cần sửa, gạch một nét ngang qua chỗ "
                            "sai, ghi chữ đúng bên cạnh; không tẩy, không dán "
                            "đè.</li></ul>"
                        ),
                    ),
                    ("heading", "Khi hộ gia đình chuyển đi"),
                    (
                        "paragraph",
                        (
                            "<p>Khi cả hộ chuyển đi nơi khác sinh sống, <b>không xé, "
                            "không xoá trang hộ</b>. Cộng tác viên ghi rõ trên trang "
                            "hộ: <b>“Chuyển đi”</b>, <b>ngày chuyển đi</b> và <b>lý "
                            "do</b> (ví dụ: chuyển vào tỉnh khác làm ăn, về ở với "
                            "con). Sau đó báo sự thay đổi này trên phiếu thu tin của "
                            "tháng.</p><p>Trang hộ vẫn nằm nguyên trong sổ để sau này "
                            "tra lại: ai đã sống ở thôn, đi từ khi nào, vì sao. Nếu "
                            "chỉ một người trong hộ chuyển đi thì ghi như vậy ở dòng "
                            "của người đó.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "text": (
                                "Tuyệt đối không xé trang, không bôi xoá trang hộ khi "
                                "hộ chuyển đi. Chỉ ghi “Chuyển đi”, ngày chuyển và lý "
                                "do. Mất một trang là mất dấu vết của cả một gia đình."
                            ),
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Ngược lại, khi có hộ mới chuyển đến hoặc con cái lấy "
                            "vợ, lấy chồng rồi ra ở riêng, cộng tác viên <b>lập một "
                            "trang mới</b> cho hộ đó, ghi ngày đến và nơi ở trước "
                            "đây.</p>"
                        ),
                    ),
                    (
                        "case_study",
                        {
                            "title": "Nhà ông Sáng chuyển xuống thành phố",
                            "text": (
                                "Tháng 4, cả nhà ông Sáng bán nhà, chuyển xuống thành "
                                "phố ở với con trai. Một người trong thôn bảo cộng tác "
                                "viên: “Xé trang ấy đi cho sổ gọn.”"
                            ),
                            "question": (
                                "Cộng tác viên nên làm gì với trang hộ của nhà ông "
                                "Sáng, và phải ghi những gì?"
                            ),
                        },
                    ),
                    (
                        "checklist",
                        {
                            "title": "Kiểm tra sổ A0 cuối mỗi tháng",
                            "items": [
                                "Mọi trẻ sinh ra trong tháng đã được ghi vào trang hộ.",
                                (
                                    "Hộ hoặc người chuyển đi đã ghi “Chuyển đi”, ngày "
                                    "chuyển và lý do."
                                ),
                                "Hộ mới chuyển đến hoặc mới tách hộ đã có trang riêng.",
                                "Các chỗ sửa đều gạch một nét, không tẩy xoá.",
                                "Sổ được cất nơi khô ráo, người ngoài không xem được.",
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "phieu-thu-tin-bao-cao",
                "title": "Phiếu thu tin hằng tháng và báo cáo",
                "title_en": "The monthly information slip and reporting",
                "minutes": 15,
                "intro": (
                    "Mỗi tháng, cộng tác viên ghi những thay đổi vào phiếu thu tin và "
                    "nộp tại buổi giao ban ở xã."
                ),
                "body": [
                    ("heading", "Tháng báo cáo tính thế nào?"),
                    (
                        "paragraph",
                        (
                            "<p><b>Tháng báo cáo</b> tính <b>từ ngày 1 đến ngày cuối "
                            "cùng của tháng</b>. Ví dụ: tháng 2 tính từ ngày 1/2 đến "
                            "ngày 28/2 (năm nhuận đến 29/2); tháng 3 tính từ ngày 1/3 "
                            "đến ngày 31/3. Sự việc xảy ra vào ngày nào thì thuộc về "
                            "tháng đó.</p><p>Nếu một cháu sinh ngày 31/3 mà đến ngày "
                            "2/4 cộng tác viên mới biết, thì việc sinh vẫn thuộc "
                            "<b>tháng 3</b>. Khi đó ghi đúng ngày sinh vào phiếu, nộp "
                            "ở buổi giao ban gần nhất và nói với viên chức dân số xã "
                            "đây là tin báo muộn.</p>"
                        ),
                    ),
                    ("heading", "Ghi gì vào phiếu thu tin?"),
                    (
                        "paragraph",
                        (
                            "<p>Phiếu thu tin chỉ ghi <b>những thay đổi trong "
                            "tháng</b>, không phải chép lại cả sổ. Những thay đổi hay "
                            "gặp:</p><ul><li>Có trẻ sinh ra, có người "
                            "mất.</li><li>Người hoặc hộ chuyển đến, chuyển "
                            "đi.</li><li>Kết hôn, ly hôn.</li><li>Phụ nữ có thai; bắt "
                            "đầu, thay đổi hoặc ngừng dùng biện pháp tránh "
                            "thai.</li></ul><p>Mỗi sự việc ghi một lần, đúng người, "
                            "đúng hộ, có ngày tháng xảy ra.</p>"
                        ),
                    ),
                    ("heading", "Nộp phiếu ở đâu, khi nào?"),
                    (
                        "paragraph",
                        (
                            "<p>Phiếu thu tin được <b>nộp tại buổi giao ban hằng "
                            "tháng</b> với viên chức dân số xã. Tại buổi giao ban, cán "
                            "bộ xã cùng cộng tác viên xem lại từng phiếu, hỏi lại "
                            "những chỗ chưa rõ, rồi nhập vào kho dữ liệu dân số. Buổi "
                            "giao ban cũng là lúc cộng tác viên nhận phiếu mới, phương "
                            "tiện tránh thai và tài liệu truyền thông cho tháng sau, "
                            "đồng thời nêu những khó khăn ở thôn.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": (
                                "Trước ngày giao ban, hãy dành một buổi tối đối chiếu "
                                "phiếu thu tin với sổ A0: số trẻ sinh, số người chuyển "
                                "đi, chuyển đến trên phiếu phải khớp với những gì đã "
                                "ghi trong sổ."
                            ),
                        },
                    ),
                    (
                        "key_points",
                        [
                            (
                                "Tháng báo cáo tính từ ngày 1 đến ngày cuối cùng của "
                                "tháng."
                            ),
                            "Phiếu thu tin chỉ ghi những thay đổi trong tháng.",
                            "Phiếu thu tin nộp tại buổi giao ban hằng tháng ở xã.",
                            "Phiếu và sổ A0 phải khớp nhau.",
                        ],
                    ),
                    (
                        "case_study",
                        {
                            "title": "Ba phiếu nằm quên trong túi áo",
                            "text": (
                                "Đến buổi giao ban, anh Vàng mới phát hiện ba phiếu "
                                "ghi việc sinh con từ tháng trước vẫn nằm trong túi "
                                "áo, chưa nộp. Anh định sửa ngày sinh sang tháng này "
                                "cho khỏi bị nhắc."
                            ),
                            "question": (
                                "Anh Vàng làm như vậy có đúng không? Anh nên ghi và "
                                "báo thế nào?"
                            ),
                        },
                    ),
                    (
                        "checklist",
                        {
                            "title": "Trước khi đi giao ban",
                            "items": [
                                "Đã ghi đủ các sự việc từ ngày 1 đến ngày cuối tháng.",
                                "Mỗi dòng đều có họ tên, hộ và ngày xảy ra.",
                                "Đã đối chiếu phiếu với sổ A0.",
                                "Mang theo sổ A0 nếu xã yêu cầu.",
                                "Ghi sẵn những câu muốn hỏi cán bộ xã.",
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "truyen-thong-thay-doi-hanh-vi",
                "title": "Truyền thông thay đổi hành vi tại thôn",
                "title_en": "Behaviour-change communication in the village",
                "minutes": 20,
                "intro": (
                    "Truyền thông tốt là giúp bà con hiểu, tin và tự làm, chứ không "
                    "chỉ đọc loa."
                ),
                "body": [
                    ("heading", "Thay đổi hành vi đi từng bước"),
                    (
                        "paragraph",
                        (
                            "<p>Một người thường thay đổi thói quen theo từng bước: "
                            "<b>biết</b>, rồi <b>hiểu</b>, rồi <b>tin</b>, rồi <b>thử "
                            "làm</b>, cuối cùng là <b>làm thường xuyên</b>. Đọc loa "
                            "giúp bà con <i>biết</i>. Muốn bà con <i>tin</i> và "
                            "<i>làm</i> thì cần gặp trực tiếp, nêu ví dụ gần gũi và để "
                            "bà con được hỏi.</p><p>Các cách hay dùng: thăm hộ, nói "
                            "chuyện nhóm nhỏ 5-10 người, lồng ghép vào họp thôn, họp "
                            "chi hội phụ nữ, phát tờ rơi có tranh ảnh. Ở thôn bản đồng "
                            "bào dân tộc thiểu số, nên nói bằng tiếng của bà con và "
                            "nhờ già làng, trưởng bản, người có uy tín cùng nói.</p>"
                        ),
                    ),
                    ("heading", "Những nội dung chính cần truyền thông"),
                    (
                        "paragraph",
                        (
                            "<ul><li><b>Sinh con:</b> từ tháng 6 năm 2025, quy định "
                            "mỗi cặp vợ chồng chỉ sinh một hoặc hai con đã được bỏ. "
                            "Nay <b>vợ chồng tự quyết định số con, thời điểm sinh con "
                            "và khoảng cách giữa các lần sinh</b>, phù hợp với tuổi, "
                            "sức khoẻ, điều kiện kinh tế và việc nuôi dạy "
                            "con.</li><li><b>Không lựa chọn giới tính thai nhi:</b> "
                            "con trai hay con gái đều quý; mọi cách chọn giới tính "
                            "thai nhi đều bị nghiêm cấm.</li><li><b>Sàng lọc trước "
                            "sinh và sơ sinh:</b> khám thai đủ lần, làm xét nghiệm "
                            "theo hướng dẫn của cán bộ y tế; lấy máu gót chân cho trẻ "
                            "mới sinh để phát hiện sớm một số bệnh.</li><li><b>Không "
                            "tảo hôn, không kết hôn cận huyết thống:</b> nam đủ 20 "
                            "tuổi, nữ đủ 18 tuổi mới được kết hôn; người có họ trong "
                            "phạm vi ba đời không được lấy nhau.</li></ul>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": (
                                "Khi nói về số con, hãy nói “vợ chồng tự quyết định”, "
                                "đừng nói “nên đẻ thêm” hay “không được đẻ nhiều”. "
                                "Việc của cộng tác viên là giúp bà con có đủ thông tin "
                                "để tự quyết."
                            ),
                        },
                    ),
                    ("heading", "Một buổi nói chuyện nhóm nhỏ"),
                    (
                        "paragraph",
                        (
                            "<ol><li>Chào hỏi, nói rõ chủ đề và thời gian, khoảng 30 "
                            "phút.</li><li>Hỏi bà con đã biết gì, đã nghe gì về chủ đề "
                            "này.</li><li>Nói ngắn gọn hai, ba ý chính, dùng tranh và "
                            "ví dụ ngay trong thôn.</li><li>Mời bà con hỏi, kể chuyện "
                            "của mình.</li><li>Nhắc lại ý chính, chỉ nơi có dịch vụ, "
                            "thường là trạm y tế xã.</li></ol>"
                        ),
                    ),
                    (
                        "case_study",
                        {
                            "title": "Nhà phải có cháu trai",
                            "text": (
                                "Trong buổi họp chi hội phụ nữ, bà Lụa nói: “Nhà tôi "
                                "phải có cháu trai nối dõi. Con dâu đi siêu âm mà biết "
                                "là gái thì phải tính.” Vài người gật gù theo."
                            ),
                            "question": (
                                "Cộng tác viên nên đáp lại thế nào để bà Lụa không bị "
                                "mất mặt, mà vẫn nói rõ việc lựa chọn giới tính thai "
                                "nhi là bị nghiêm cấm?"
                            ),
                        },
                    ),
                    (
                        "key_points",
                        [
                            "Vợ chồng tự quyết định số con và thời điểm sinh con.",
                            "Không lựa chọn giới tính thai nhi.",
                            "Khuyến khích sàng lọc trước sinh và sàng lọc sơ sinh.",
                            "Không tảo hôn, không kết hôn cận huyết thống.",
                        ],
                    ),
                ],
            },
            {
                "slug": "tu-van-suc-khoe-sinh-san",
                "title": "Tư vấn cơ bản về sức khoẻ sinh sản",
                "title_en": "Basic reproductive-health counselling",
                "minutes": 25,
                "intro": (
                    "Sáu bước tư vấn giúp bà con tự chọn điều phù hợp với mình; người "
                    "quyết định luôn là khách hàng."
                ),
                "body": [
                    ("heading", "Tư vấn khác với khuyên bảo"),
                    (
                        "paragraph",
                        (
                            "<p>Tư vấn là <b>trao đổi hai chiều</b>. Cộng tác viên "
                            "hỏi, lắng nghe, cung cấp thông tin đúng, rồi giúp người "
                            "được tư vấn (gọi là <b>khách hàng</b>) tự đưa ra quyết "
                            "định. Cộng tác viên không quyết định thay, không ép buộc, "
                            "không chê trách. Một buổi tư vấn tốt thường là khách hàng "
                            "nói nhiều hơn cộng tác viên.</p>"
                        ),
                    ),
                    ("heading", "Sáu bước tư vấn"),
                    (
                        "paragraph",
                        (
                            "<ol><li><b>Chào hỏi:</b> chọn chỗ kín đáo, chào thân mật, "
                            "giới thiệu mình và hứa giữ bí mật.</li><li><b>Hỏi:</b> "
                            "hỏi về hoàn cảnh, sức khoẻ, mong muốn có con, những biện "
                            "pháp đã dùng trước đây.</li><li><b>Giới thiệu thông "
                            "tin:</b> nói về các biện pháp hợp với hoàn cảnh đó: ưu "
                            "điểm, nhược điểm, cách dùng, nơi nhận.</li><li><b>Giúp "
                            "lựa chọn:</b> giúp khách hàng cân nhắc; khách hàng tự "
                            "chọn.</li><li><b>Giải thích:</b> hướng dẫn kỹ cách dùng "
                            "biện pháp đã chọn, những dấu hiệu cần đi khám ngay; hỏi "
                            "lại để chắc khách hàng đã hiểu.</li><li><b>Hẹn gặp "
                            "lại:</b> hẹn ngày thăm hoặc tái khám, theo dõi, sẵn sàng "
                            "giúp khi khách hàng muốn đổi biện pháp.</li></ol>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "text": (
                                "Quyền quyết định thuộc về khách hàng. Nếu sau khi "
                                "nghe tư vấn, một người chưa muốn dùng biện pháp nào, "
                                "cộng tác viên tôn trọng quyết định đó: không nài ép, "
                                "không kể với hàng xóm, và nói rằng họ có thể quay lại "
                                "hỏi bất cứ lúc nào."
                            ),
                        },
                    ),
                    ("heading", "Những điều cần tránh"),
                    (
                        "key_points",
                        [
                            (
                                "Không quyết định thay khách hàng, không nói “chị phải "
                                "đặt vòng”."
                            ),
                            (
                                "Không doạ, không cười chê khi khách hàng hỏi điều "
                                "chưa biết."
                            ),
                            "Không kể chuyện của khách hàng cho người khác.",
                            (
                                "Việc vượt quá hiểu biết của mình thì giới thiệu lên "
                                "trạm y tế xã."
                            ),
                        ],
                    ),
                    (
                        "case_study",
                        {
                            "title": "Chị Hoa chưa muốn dùng biện pháp nào",
                            "text": (
                                "Chị Hoa 24 tuổi, có một con gái 10 tháng. Nghe cộng "
                                "tác viên giới thiệu các biện pháp tránh thai, chị "
                                "nói: “Em nghe rồi, nhưng để em bàn với chồng đã, giờ "
                                "em chưa muốn dùng gì.”"
                            ),
                            "question": (
                                "Cộng tác viên nên nói gì và làm gì tiếp theo? Có nên "
                                "tuần nào cũng quay lại thuyết phục chị Hoa không?"
                            ),
                        },
                    ),
                    (
                        "checklist",
                        {
                            "title": "Tự kiểm tra sau mỗi lần tư vấn",
                            "items": [
                                "Tôi đã chọn chỗ kín đáo và hứa giữ bí mật.",
                                "Tôi đã hỏi và lắng nghe nhiều hơn nói.",
                                (
                                    "Tôi đã nói cả ưu điểm và nhược điểm của từng biện "
                                    "pháp."
                                ),
                                (
                                    "Khách hàng tự chọn, kể cả khi chọn chưa dùng biện "
                                    "pháp nào."
                                ),
                                "Tôi đã hẹn ngày gặp lại hoặc chỉ nơi khám.",
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    {
        "code": "CTXH",
        "slug": "ky-nang-tu-van-ctxh-co-so",
        "topic": "counselling",
        "audience": "social_work_volunteer",
        "title": "Kỹ năng tư vấn và hỗ trợ trong công tác xã hội cơ sở",
        "title_en": "Counselling and support skills for grassroots social work",
        "summary": (
            "Khoá học rèn kỹ năng lắng nghe, đặt câu hỏi, quản lý trường hợp và chuyển "
            "gửi cho tình nguyện viên công tác xã hội ở xã, trên nền tảng đạo đức nghề "
            "nghiệp. Mọi tình huống trong khoá học đều là hư cấu."
        ),
        "summary_en": (
            "Builds listening, questioning, case-management and referral skills for "
            "commune social-work volunteers, grounded in professional ethics. Every "
            "case study in the course is fictional."
        ),
        "lessons": [
            {
                "slug": "dao-duc-nghe-nghiep",
                "title": "Đạo đức trong công tác xã hội",
                "title_en": "Ethics in social work",
                "minutes": 20,
                "intro": (
                    "Bốn nguyên tắc đạo đức giúp thân chủ tin tưởng và giữ an toàn cho "
                    "cả thân chủ lẫn tình nguyện viên."
                ),
                "body": [
                    ("heading", "Vì sao cần đạo đức nghề nghiệp?"),
                    (
                        "paragraph",
                        (
                            "<p>Người tìm đến tình nguyện viên thường đang gặp chuyện "
                            "khó: nợ nần, bạo lực gia đình, bị lừa bán... Trong khoá "
                            "học này, ta gọi người được hỗ trợ là <b>thân chủ</b>. "
                            "Thân chủ chỉ mở lòng khi tin rằng mình được <b>tôn "
                            "trọng</b> và chuyện của mình được <b>giữ kín</b>. Đạo đức "
                            "nghề nghiệp là những nguyên tắc giữ gìn niềm tin đó.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "text": (
                                "Không bao giờ ghi họ tên thật, địa chỉ, số điện thoại "
                                "hay bất kỳ chi tiết nào giúp nhận ra một thân chủ "
                                "thật vào bài tập, bài thảo luận hay ô trả lời trong "
                                "khoá học này. Mọi tình huống trong khoá học đều là hư "
                                "cấu."
                            ),
                        },
                    ),
                    ("heading", "Bốn nguyên tắc cơ bản"),
                    (
                        "paragraph",
                        (
                            "<ul><li><b>Tôn trọng:</b> mỗi người đều có giá trị, dù "
                            "nghèo hay giàu, dù đã từng mắc sai lầm.</li><li><b>Không "
                            "phán xét:</b> không đánh giá, không chê trách lối sống "
                            "của thân chủ; tập trung vào nhu cầu và khả năng của "
                            "họ.</li><li><b>Bảo mật:</b> thông tin của thân chủ chỉ "
                            "dùng để giúp chính thân chủ.</li><li><b>Quyền tự "
                            "quyết:</b> thân chủ tự quyết định những việc của cuộc đời "
                            "mình; tình nguyện viên đưa thông tin và các lựa "
                            "chọn.</li></ul>"
                        ),
                    ),
                    ("heading", "Khi nào được chia sẻ thông tin của thân chủ?"),
                    (
                        "paragraph",
                        (
                            "<p>Chỉ chia sẻ thông tin của thân chủ trong hai trường "
                            "hợp:</p><ol><li><b>Thân chủ đồng ý:</b> nói rõ sẽ chia sẻ "
                            "điều gì, cho ai, để làm gì, và thân chủ đồng "
                            "ý.</li><li><b>Pháp luật buộc phải báo</b> vì có nguy cơ "
                            "<b>tổn hại nghiêm trọng</b>: thân chủ có ý định tự tử, "
                            "định làm hại người khác, hoặc có trẻ em đang bị xâm "
                            "hại.</li></ol><p>Ngay cả khi phải báo, chỉ nói những gì "
                            "thật cần thiết, với đúng cơ quan có trách nhiệm, và cho "
                            "thân chủ biết nếu việc đó không làm họ gặp nguy hiểm. Ở "
                            "buổi gặp đầu, hãy nói trước với thân chủ về hai trường "
                            "hợp này.</p>"
                        ),
                    ),
                    (
                        "case_study",
                        {
                            "title": "Tình huống hư cấu: lời hỏi thăm ngoài chợ",
                            "text": (
                                "Anh Tùng (nhân vật hư cấu) đang được đội tình nguyện "
                                "hỗ trợ điều trị nghiện tại cộng đồng. Một hôm, bà "
                                "hàng xóm gặp tình nguyện viên ở chợ và hỏi: “Thằng "
                                "Tùng dạo này còn chích không? Cháu cứ nói thật để bà "
                                "còn giữ con bà.”"
                            ),
                            "question": (
                                "Tình nguyện viên nên trả lời thế nào để vừa lịch sự "
                                "với bà hàng xóm vừa giữ bí mật cho anh Tùng?"
                            ),
                        },
                    ),
                    (
                        "key_points",
                        [
                            (
                                "Tôn trọng, không phán xét, bảo mật, tôn trọng quyền "
                                "tự quyết."
                            ),
                            (
                                "Chỉ chia sẻ thông tin của thân chủ khi thân chủ đồng "
                                "ý, hoặc khi pháp luật buộc phải báo vì có nguy cơ tổn "
                                "hại nghiêm trọng."
                            ),
                            "Khi chia sẻ: ít nhất có thể, đúng người, đúng mục đích.",
                        ],
                    ),
                ],
            },
            {
                "slug": "lang-nghe-dat-cau-hoi",
                "title": "Lắng nghe tích cực và đặt câu hỏi",
                "title_en": "Active listening and questioning",
                "minutes": 20,
                "intro": (
                    "Nghe cho trọn, hỏi cho khéo: câu hỏi mở để tìm hiểu, câu hỏi đóng "
                    "để xác nhận."
                ),
                "body": [
                    ("heading", "Lắng nghe tích cực là gì?"),
                    (
                        "paragraph",
                        (
                            "<p>Lắng nghe tích cực là nghe bằng cả tai, mắt và tấm "
                            "lòng: nghe lời nói, để ý nét mặt, giọng nói, và <b>cho "
                            "người kia thấy mình đang nghe</b>. Ngồi ngang tầm, hơi "
                            "nghiêng người về phía người nói, nhìn họ một cách tự "
                            "nhiên, gật đầu, không cắt ngang, không xem điện thoại. "
                            "Những lúc im lặng cũng cần thiết: để người kia có thời "
                            "gian suy nghĩ.</p>"
                        ),
                    ),
                    ("heading", "Câu hỏi mở và câu hỏi đóng"),
                    (
                        "paragraph",
                        (
                            "<p><b>Câu hỏi mở</b> mời người kia kể nhiều hơn, dùng để "
                            "<b>tìm hiểu</b>. Câu hỏi mở thường có các từ: như thế "
                            "nào, điều gì, kể cho tôi nghe. Ví dụ: <i>“Chị kể em nghe "
                            "dạo này ở nhà thế nào?”</i>, <i>“Điều gì làm anh lo "
                            "nhất?”</i></p><p><b>Câu hỏi đóng</b> chỉ cần trả lời có "
                            "hoặc không, hay một con số, dùng để <b>xác nhận</b> thông "
                            "tin. Ví dụ: <i>“Chị có con dưới 5 tuổi không?”</i>, "
                            "<i>“Anh đã lên trạm y tế chưa?”</i></p><p>Nên bắt đầu "
                            "bằng câu hỏi mở, dùng câu hỏi đóng khi cần chốt lại. "
                            "Tránh hỏi dồn dập “Tại sao...?” vì người nghe dễ thấy "
                            "mình bị trách.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": (
                                "Mẹo nhận biết: nếu người kia chỉ cần đáp “có” hoặc "
                                "“không” là xong, đó là câu hỏi đóng."
                            ),
                        },
                    ),
                    ("heading", "Diễn đạt lại, phản hồi cảm xúc, tóm tắt"),
                    (
                        "paragraph",
                        (
                            "<ul><li><b>Diễn đạt lại:</b> nói lại ý chính của người "
                            "kia bằng lời của mình. Ví dụ: <i>“Như vậy là từ khi chồng "
                            "chị đi làm xa, một mình chị lo cho cả ba cháu.”</i> Diễn "
                            "đạt lại <b>cho thấy mình đang lắng nghe</b> và <b>giúp "
                            "kiểm tra mình đã hiểu đúng chưa</b>; nếu mình hiểu sai, "
                            "người kia sẽ sửa lại.</li><li><b>Phản hồi cảm xúc:</b> "
                            "gọi tên cảm xúc mình nhận thấy: <i>“Nghe chị kể, em thấy "
                            "chị đang rất mệt và tủi thân.”</i></li><li><b>Tóm "
                            "tắt:</b> cuối buổi, nhắc lại các ý chính và những điều "
                            "hai bên đã thống nhất.</li></ul>"
                        ),
                    ),
                    (
                        "case_study",
                        {
                            "title": "Tình huống hư cấu: bà Thơm ít nói",
                            "text": (
                                "Bà Thơm (nhân vật hư cấu), 68 tuổi, sống một mình. "
                                "Tình nguyện viên hỏi: “Bà có khoẻ không?” Bà đáp: "
                                "“Khoẻ.” “Bà có cần gì không?” “Không.” Buổi thăm kết "
                                "thúc sau năm phút mà tình nguyện viên chẳng biết thêm "
                                "điều gì."
                            ),
                            "question": (
                                "Hãy viết ba câu hỏi mở mà tình nguyện viên có thể "
                                "dùng trong lần thăm sau."
                            ),
                        },
                    ),
                    (
                        "key_points",
                        [
                            "Câu hỏi mở để tìm hiểu, câu hỏi đóng để xác nhận.",
                            (
                                "Diễn đạt lại cho thấy mình đang lắng nghe và giúp "
                                "kiểm tra mình hiểu đúng chưa."
                            ),
                            "Phản hồi cảm xúc giúp người kia thấy mình được thấu hiểu.",
                            "Tóm tắt giúp cả hai bên nhớ điều đã thống nhất.",
                        ],
                    ),
                ],
            },
            {
                "slug": "quy-trinh-quan-ly-truong-hop",
                "title": "Quy trình tư vấn và quản lý trường hợp",
                "title_en": "The counselling and case-management process",
                "minutes": 25,
                "intro": (
                    "Sáu bước đồng hành cùng thân chủ, bắt đầu từ tiếp nhận và xây "
                    "dựng lòng tin."
                ),
                "body": [
                    ("heading", "Quản lý trường hợp là gì?"),
                    (
                        "paragraph",
                        (
                            "<p>Khi một người hay một gia đình gặp nhiều khó khăn cùng "
                            "lúc, một lần nói chuyện là không đủ. <b>Quản lý trường "
                            "hợp</b> là cách đồng hành có kế hoạch: cùng tìm hiểu, "
                            "cùng lập kế hoạch, kết nối dịch vụ và theo dõi cho đến "
                            "khi thân chủ ổn hơn. Quá trình này gồm sáu bước.</p>"
                        ),
                    ),
                    ("heading", "Sáu bước"),
                    (
                        "paragraph",
                        (
                            "<ol><li><b>Tiếp nhận và xây dựng lòng tin:</b> gặp thân "
                            "chủ, giới thiệu mình và việc mình làm, nói rõ nguyên tắc "
                            "giữ bí mật, lắng nghe câu chuyện. Đây là <b>bước đầu "
                            "tiên</b>; chưa có lòng tin thì các bước sau rất khó "
                            "làm.</li><li><b>Đánh giá:</b> cùng thân chủ tìm hiểu vấn "
                            "đề, nhu cầu, điểm mạnh, người thân và những nguồn lực có "
                            "thể giúp.</li><li><b>Lập kế hoạch cùng thân chủ:</b> chọn "
                            "vài mục tiêu nhỏ, cụ thể: ai làm gì, khi nào. Kế hoạch là "
                            "của thân chủ, không phải của tình nguyện "
                            "viên.</li><li><b>Thực hiện và chuyển gửi:</b> làm theo kế "
                            "hoạch; khi thân chủ cần dịch vụ mà mình không có thì "
                            "chuyển gửi đến nơi phù hợp.</li><li><b>Theo dõi:</b> "
                            "thăm, gọi điện, xem kế hoạch có hiệu quả không, điều "
                            "chỉnh khi cần.</li><li><b>Kết thúc:</b> khi mục tiêu đã "
                            "đạt hoặc thân chủ không cần hỗ trợ nữa, cùng nhìn lại "
                            "chặng đường, chia tay và nói rõ họ có thể quay lại khi "
                            "cần.</li></ol>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": (
                                "Ở buổi gặp đầu, đừng vội điền phiếu. Hãy để thân chủ "
                                "kể trước; phần giấy tờ có thể làm sau, khi đã có chút "
                                "tin tưởng."
                            ),
                        },
                    ),
                    ("heading", "Ghi chép hồ sơ"),
                    (
                        "paragraph",
                        (
                            "<p>Mỗi trường hợp có một hồ sơ giấy, cất trong tủ có khoá "
                            "tại xã. Ghi ngắn gọn: ngày gặp, việc đã làm, việc cần làm "
                            "tiếp. Chỉ ghi điều cần cho việc hỗ trợ, dùng lời lẽ tôn "
                            "trọng, không ghi lời nhận xét chê bai. Không chụp ảnh hồ "
                            "sơ gửi qua Zalo hay Facebook. Hồ sơ thật của thân chủ "
                            "cũng <b>không bao giờ được đưa vào hệ thống học tập "
                            "này</b>.</p>"
                        ),
                    ),
                    (
                        "case_study",
                        {
                            "title": "Tình huống hư cấu: gia đình chị Lan",
                            "text": (
                                "Chị Lan (nhân vật hư cấu), 35 tuổi, chồng mất vì tai "
                                "nạn lao động; chị nuôi hai con và mẹ chồng bị liệt. "
                                "Chị đang nợ tiền mua phân bón, con lớn có ý định bỏ "
                                "học đi làm. Trưởng thôn nhờ đội tình nguyện đến giúp."
                            ),
                            "question": (
                                "Trong buổi gặp đầu tiên, tình nguyện viên nên làm gì? "
                                "Những việc nào nên để đến bước đánh giá và lập kế "
                                "hoạch?"
                            ),
                        },
                    ),
                    (
                        "checklist",
                        {
                            "title": "Sau buổi tiếp nhận",
                            "items": [
                                (
                                    "Thân chủ biết tôi là ai, làm gì và cách liên lạc "
                                    "với tôi."
                                ),
                                (
                                    "Tôi đã giải thích việc giữ bí mật và khi nào buộc "
                                    "phải báo."
                                ),
                                "Tôi đã lắng nghe điều thân chủ lo nhất.",
                                "Hai bên đã hẹn lần gặp tiếp theo.",
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "lam-viec-nguoi-co-nguy-co",
                "title": "Làm việc với người có nguy cơ cao",
                "title_en": "Working with people at risk",
                "minutes": 25,
                "intro": (
                    "Giảm kỳ thị, giảm tác hại, và không bao giờ ép người bị mua bán "
                    "trở về phải kể lại."
                ),
                "body": [
                    ("heading", "Họ là ai?"),
                    (
                        "paragraph",
                        (
                            "<p>Trong bài này, người có nguy cơ cao gồm: <b>người sử "
                            "dụng ma tuý</b>, <b>người bán dâm</b> và <b>người bị mua "
                            "bán trở về</b>. Họ thường bị xa lánh, bị gọi bằng những "
                            "tên xúc phạm, nên ngại đến trạm y tế hay gặp chính quyền. "
                            "Việc đầu tiên của tình nguyện viên là để họ thấy mình "
                            "được đối xử như mọi người khác.</p>"
                        ),
                    ),
                    ("heading", "Giảm kỳ thị bằng lời nói và việc làm"),
                    (
                        "paragraph",
                        (
                            "<ul><li>Dùng từ tôn trọng: nói “người sử dụng ma tuý”, "
                            "không nói “con nghiện”; nói “người bán dâm”, không dùng "
                            "từ miệt thị.</li><li>Gặp ở nơi họ thấy an toàn, vào giờ "
                            "thuận tiện cho họ.</li><li>Không đem chuyện của họ ra làm "
                            "ví dụ trong các buổi họp thôn.</li><li>Nói chuyện với gia "
                            "đình, hàng xóm để bớt xa lánh.</li></ul>"
                        ),
                    ),
                    ("heading", "Giảm tác hại"),
                    (
                        "paragraph",
                        (
                            "<p><b>Giảm tác hại</b> là giúp người ta bớt nguy hiểm cho "
                            "sức khoẻ ngay cả khi họ chưa bỏ được hành vi. Ví dụ: giới "
                            "thiệu điều trị thay thế bằng methadone, dùng bơm kim tiêm "
                            "sạch, dùng bao cao su, xét nghiệm HIV và viêm gan. Giảm "
                            "tác hại không phải là khuyến khích dùng ma tuý; đó là giữ "
                            "cho người ta sống khoẻ để còn cơ hội thay đổi.</p>"
                        ),
                    ),
                    ("heading", "Người bị mua bán trở về"),
                    (
                        "paragraph",
                        (
                            "<p>Người vừa trở về sau khi bị mua bán thường sợ hãi, xấu "
                            "hổ, mất ngủ. Điều họ cần <b>trước tiên</b> là <b>được "
                            "lắng nghe</b> và được lo <b>những nhu cầu trước mắt</b>: "
                            "chỗ ở an toàn, ăn uống, khám chữa bệnh, liên lạc với "
                            "người thân. <b>Không bao giờ ép họ kể lại</b> chuyện đã "
                            "xảy ra, dù vì tò mò hay để “ghi hồ sơ cho đủ”. Việc lấy "
                            "lời khai là việc của cơ quan chức năng, khi người đó sẵn "
                            "sàng.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "text": (
                                "Mỗi lần bị ép kể lại, người bị mua bán có thể phải "
                                "sống lại nỗi đau. Hãy để họ tự quyết định kể điều gì "
                                "và kể vào lúc nào."
                            ),
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "Tình huống hư cấu: Mỷ trở về bản",
                            "text": (
                                "Mỷ (nhân vật hư cấu), 19 tuổi, vừa được đưa về bản "
                                "sau hai năm bị lừa bán sang nước ngoài. Người trong "
                                "bản kéo đến nhà hỏi han, có người hỏi thẳng: “Bên đó "
                                "người ta bắt mày làm gì?” Mỷ ngồi im, không chịu ăn "
                                "uống."
                            ),
                            "question": (
                                "Tình nguyện viên nên làm gì trong tuần đầu tiên? Nên "
                                "nói gì với những người đang kéo đến hỏi chuyện?"
                            ),
                        },
                    ),
                    (
                        "key_points",
                        [
                            "Dùng lời lẽ tôn trọng, không dán nhãn.",
                            (
                                "Giảm tác hại giúp người ta an toàn hơn trong lúc chưa "
                                "thay đổi được."
                            ),
                            (
                                "Với người bị mua bán trở về: lắng nghe và lo nhu cầu "
                                "trước mắt trước, không ép kể lại."
                            ),
                        ],
                    ),
                ],
            },
            {
                "slug": "chuyen-gui-co-dong-y",
                "title": "Chuyển gửi có sự đồng ý của thân chủ",
                "title_en": "Referral with the client's consent",
                "minutes": 15,
                "intro": (
                    "Biết nơi nào giúp được việc gì, và chỉ chuyển gửi khi thân chủ "
                    "đồng ý."
                ),
                "body": [
                    ("heading", "Khi nào cần chuyển gửi?"),
                    (
                        "paragraph",
                        (
                            "<p>Tình nguyện viên không thể tự giải quyết mọi việc. Khi "
                            "thân chủ cần một dịch vụ mà mình không có, như khám chữa "
                            "bệnh, trợ giúp pháp lý, điều trị nghiện, chỗ tạm lánh, "
                            "trợ cấp xã hội, ta <b>chuyển gửi</b> họ đến nơi cung cấp "
                            "dịch vụ đó.</p>"
                        ),
                    ),
                    ("heading", "Danh bạ dịch vụ của đội"),
                    (
                        "paragraph",
                        (
                            "<p>Mỗi đội nên có một danh bạ các nơi có thể chuyển gửi, "
                            "ghi rõ người liên hệ và số điện thoại: trạm y tế xã, công "
                            "an xã, hội phụ nữ, hội người cao tuổi, công chức văn hoá "
                            "- xã hội của xã, trung tâm công tác xã hội của tỉnh, cơ "
                            "sở điều trị methadone gần nhất. Các số khẩn cấp cần nhớ: "
                            "<b>111</b> (tổng đài bảo vệ trẻ em), <b>113</b> (công "
                            "an), <b>115</b> (cấp cứu).</p>"
                        ),
                    ),
                    ("heading", "Các bước chuyển gửi"),
                    (
                        "paragraph",
                        (
                            "<ol><li>Giải thích cho thân chủ dịch vụ đó là gì, ở đâu, "
                            "có mất tiền không.</li><li><b>Hỏi sự đồng ý</b> của thân "
                            "chủ: có muốn đi không, và cho phép mình chia sẻ những "
                            "thông tin nào với nơi nhận.</li><li>Liên hệ trước với nơi "
                            "nhận; phiếu chuyển gửi chỉ ghi những thông tin cần "
                            "thiết.</li><li>Nếu cần, đi cùng thân chủ trong lần "
                            "đầu.</li><li>Hỏi lại thân chủ và nơi nhận xem việc hỗ trợ "
                            "có diễn ra không.</li></ol>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": (
                                "Nếu thân chủ chưa đồng ý chuyển gửi, hãy tôn trọng, "
                                "tiếp tục hỗ trợ trong khả năng của mình và hỏi lại "
                                "sau. Chỉ khi có nguy cơ tổn hại nghiêm trọng mà pháp "
                                "luật buộc phải báo thì mới báo mà không cần thân chủ "
                                "đồng ý."
                            ),
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "Tình huống hư cấu: chị Ngân muốn hỏi luật",
                            "text": (
                                "Chị Ngân (nhân vật hư cấu) kể với tình nguyện viên "
                                "rằng chồng chị hay say rượu và đánh chị. Chị muốn "
                                "được tư vấn pháp luật nhưng rất sợ chồng biết, và lúc "
                                "này chưa muốn báo công an. Hai con của chị không bị "
                                "đánh."
                            ),
                            "question": (
                                "Tình nguyện viên có thể chuyển gửi chị Ngân đến đâu? "
                                "Cần hỏi chị đồng ý những gì trước khi liên hệ?"
                            ),
                        },
                    ),
                    (
                        "checklist",
                        {
                            "title": "Phiếu chuyển gửi cần có",
                            "items": [
                                (
                                    "Ngày chuyển gửi, tên tình nguyện viên và cách "
                                    "liên lạc."
                                ),
                                "Nơi nhận và người nhận.",
                                "Lý do chuyển gửi, viết ngắn gọn.",
                                (
                                    "Xác nhận thân chủ đồng ý, ghi rõ đồng ý chia sẻ "
                                    "những thông tin nào."
                                ),
                                "Ngày hẹn hỏi lại kết quả.",
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "tu-cham-soc-ban-than",
                "title": "Tự chăm sóc bản thân",
                "title_en": "Self-care for volunteers",
                "minutes": 15,
                "intro": (
                    "Người giúp đỡ cũng cần được chăm sóc, để còn sức đồng hành lâu "
                    "dài."
                ),
                "body": [
                    ("heading", "Vì sao người giúp cũng cần được chăm sóc?"),
                    (
                        "paragraph",
                        (
                            "<p>Nghe nhiều chuyện buồn, chứng kiến bạo lực, nghèo khổ, "
                            "người tình nguyện dễ mệt mỏi, mất ngủ, cáu gắt, hoặc thấy "
                            "mình vô dụng. Nếu không để ý, tình trạng này có thể thành "
                            "<b>kiệt sức</b>, và người đã kiệt sức thì không giúp được "
                            "ai.</p>"
                        ),
                    ),
                    ("heading", "Dấu hiệu cần để ý"),
                    (
                        "paragraph",
                        (
                            "<ul><li>Nghĩ mãi về chuyện của thân chủ, kể cả khi đã về "
                            "nhà.</li><li>Mất ngủ, đau đầu, chán ăn kéo "
                            "dài.</li><li>Thấy khó chịu, muốn né tránh mỗi khi phải đi "
                            "thăm thân chủ.</li><li>Dễ nổi nóng với người "
                            "nhà.</li></ul>"
                        ),
                    ),
                    ("heading", "Những việc nên làm"),
                    (
                        "paragraph",
                        (
                            "<ul><li><b>Giữ ranh giới:</b> hẹn giờ làm việc rõ ràng, "
                            "không hứa điều mình không làm được, không cho thân chủ "
                            "vay tiền riêng.</li><li><b>Chia sẻ trong đội:</b> họp đội "
                            "hằng tháng để kể khó khăn (không nêu tên thân chủ), hỏi ý "
                            "kiến đội trưởng hoặc cán bộ xã.</li><li><b>Chăm sóc cơ "
                            "thể:</b> ngủ đủ, ăn uống đều, đi bộ, làm "
                            "vườn.</li><li><b>Đi theo cặp:</b> khi tình huống có thể "
                            "nguy hiểm, luôn đi hai người.</li></ul>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": (
                                "Biết nói “việc này vượt quá khả năng của tôi, để tôi "
                                "tìm người giúp” là một kỹ năng, không phải là thất "
                                "bại."
                            ),
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "Tình huống hư cấu: anh Quân mất ngủ",
                            "text": (
                                "Anh Quân (nhân vật hư cấu) làm tình nguyện viên được "
                                "hai năm. Tháng trước anh hỗ trợ một gia đình có cháu "
                                "nhỏ bị bạo hành. Từ đó anh mất ngủ, hay cáu với vợ "
                                "con và bắt đầu kiếm cớ không đi họp đội."
                            ),
                            "question": (
                                "Anh Quân đang có những dấu hiệu gì? Đội trưởng và các "
                                "bạn trong đội có thể giúp anh thế nào?"
                            ),
                        },
                    ),
                    (
                        "checklist",
                        {
                            "title": "Tự chăm sóc mỗi tuần",
                            "items": [
                                "Tôi có ít nhất một ngày nghỉ, không làm việc của đội.",
                                (
                                    "Tôi đã kể với đội trưởng hoặc bạn trong đội một "
                                    "chuyện làm tôi bận lòng."
                                ),
                                "Phần lớn các đêm tôi ngủ đủ giấc.",
                                "Tôi không mang hồ sơ thân chủ về nhà.",
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    {
        "code": "CLB",
        "slug": "quan-ly-clb-lien-the-he",
        "topic": "club_management",
        "audience": "club_leader",
        "title": "Quản lý và nhân rộng Câu lạc bộ Liên thế hệ tự giúp nhau",
        "title_en": "Running and replicating intergenerational self-help clubs",
        "summary": (
            "Khoá học hướng dẫn chủ nhiệm câu lạc bộ cách điều hành ban chủ nhiệm và "
            "buổi sinh hoạt, quản lý quỹ quay vòng, tổ chức chăm sóc tại nhà, giữ sổ "
            "sách, báo cáo và giúp thôn bạn thành lập câu lạc bộ mới."
        ),
        "summary_en": (
            "Shows club chairs how to run the board and the monthly meeting, manage "
            "the revolving fund, organise home care, keep the books and reports, and "
            "help a neighbouring village found a new club."
        ),
        "lessons": [
            {
                "slug": "mo-hinh-tam-noi-dung",
                "title": "Mô hình câu lạc bộ và tám nội dung hoạt động",
                "title_en": "The club model and its eight activity areas",
                "minutes": 15,
                "intro": (
                    "Câu lạc bộ là nơi người cao tuổi và các thế hệ khác cùng sinh "
                    "hoạt, tự giúp mình và giúp nhau."
                ),
                "body": [
                    ("heading", "Câu lạc bộ Liên thế hệ tự giúp nhau là gì?"),
                    (
                        "paragraph",
                        (
                            "<p>Câu lạc bộ Liên thế hệ tự giúp nhau là tổ chức của "
                            "chính người dân trong thôn, nơi <b>người cao tuổi và "
                            "người ở các lứa tuổi khác cùng sinh hoạt, giúp đỡ "
                            "nhau</b>. Mỗi câu lạc bộ thường có <b>50-70 thành "
                            "viên</b>, trong đó <b>khoảng 70% là người cao tuổi</b>, "
                            "số còn lại là người trung niên và người trẻ. Người nghèo, "
                            "người sống một mình, người khuyết tật được ưu tiên tham "
                            "gia.</p><p>Câu lạc bộ hoạt động theo tinh thần <b>“tự "
                            "giúp mình, giúp nhau”</b>: thành viên góp công, góp quỹ, "
                            "chia sẻ kinh nghiệm; câu lạc bộ vận động thêm sự hỗ trợ "
                            "của chính quyền, đoàn thể và người hảo tâm. Câu lạc bộ "
                            "được thành lập theo <b>quyết định của Uỷ ban nhân dân "
                            "xã</b>, có ban chủ nhiệm do thành viên bầu ra và sinh "
                            "hoạt đều đặn mỗi tháng.</p>"
                        ),
                    ),
                    ("heading", "Tám nội dung hoạt động"),
                    (
                        "paragraph",
                        (
                            "<ol><li><b>Sinh kế, tăng thu nhập:</b> vay vốn quỹ quay "
                            "vòng, học cách chăn nuôi, trồng trọt.</li><li><b>Chăm sóc "
                            "sức khoẻ:</b> đo huyết áp, nói chuyện sức khoẻ, khám định "
                            "kỳ.</li><li><b>Chăm sóc tại nhà:</b> tình nguyện viên "
                            "thăm và giúp người cao tuổi yếu, người khuyết "
                            "tật.</li><li><b>Văn hoá, văn nghệ, thể dục thể thao:</b> "
                            "hát, múa, tập dưỡng sinh, đi bộ.</li><li><b>Học tập suốt "
                            "đời:</b> trao đổi kiến thức, kỹ năng, truyền dạy nghề "
                            "truyền thống.</li><li><b>Tự giúp nhau và giúp cộng "
                            "đồng:</b> thăm người ốm, đổi công, làm sạch đường "
                            "làng.</li><li><b>Quyền và chính sách:</b> tìm hiểu và "
                            "giúp thành viên được hưởng đúng chế độ, chính "
                            "sách.</li><li><b>Huy động nguồn lực:</b> gây quỹ, kêu gọi "
                            "hỗ trợ để câu lạc bộ hoạt động lâu dài.</li></ol>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": (
                                "Không cần làm đủ cả tám nội dung ngay từ tháng đầu. "
                                "Hãy bắt đầu với hai, ba việc mà thành viên mong muốn "
                                "nhất, rồi mở rộng dần."
                            ),
                        },
                    ),
                    (
                        "key_points",
                        [
                            (
                                "Mỗi câu lạc bộ có 50-70 thành viên, khoảng 70% là "
                                "người cao tuổi."
                            ),
                            "Uỷ ban nhân dân xã ra quyết định thành lập câu lạc bộ.",
                            (
                                "Ban chủ nhiệm do thành viên bầu ra; câu lạc bộ sinh "
                                "hoạt hằng tháng."
                            ),
                            (
                                "Tám nội dung hoạt động gắn với nhu cầu thật của thành "
                                "viên."
                            ),
                        ],
                    ),
                    (
                        "case_study",
                        {
                            "title": "Thôn Đồng Mới muốn có câu lạc bộ",
                            "text": (
                                "Thôn Đồng Mới có khoảng 90 người cao tuổi, nhiều "
                                "người sống một mình vì con cháu đi làm xa. Bí thư chi "
                                "bộ muốn lập câu lạc bộ, nhưng có ý kiến cho rằng chỉ "
                                "nên cho người cao tuổi tham gia."
                            ),
                            "question": (
                                "Vì sao câu lạc bộ nên có cả người trung niên và người "
                                "trẻ? Nên mời những ai tham gia trước?"
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "ban-chu-nhiem-sinh-hoat",
                "title": "Ban chủ nhiệm và buổi sinh hoạt hằng tháng",
                "title_en": "The board and the monthly meeting",
                "minutes": 20,
                "intro": (
                    "Một ban chủ nhiệm phân công rõ ràng và buổi sinh hoạt vui, gọn là "
                    "sức sống của câu lạc bộ."
                ),
                "body": [
                    ("heading", "Ban chủ nhiệm"),
                    (
                        "paragraph",
                        (
                            "<p>Ban chủ nhiệm thường có <b>khoảng 5 người</b>, do hội "
                            "nghị thành viên <b>bầu ra</b>. Nên có cả nam và nữ, cả "
                            "người cao tuổi và người trẻ biết chữ, biết dùng điện "
                            "thoại để ghi chép, liên lạc. Phân công thường "
                            "gặp:</p><ul><li><b>Chủ nhiệm:</b> điều hành chung, chủ "
                            "trì buổi sinh hoạt, làm việc với xã.</li><li><b>Phó chủ "
                            "nhiệm:</b> phụ trách một số mảng hoạt động, thay chủ "
                            "nhiệm khi vắng.</li><li><b>Thủ quỹ:</b> giữ tiền mặt, thu "
                            "chi theo phiếu thu, phiếu chi.</li><li><b>Kế toán:</b> "
                            "ghi sổ sách, theo dõi các khoản vay, lập báo "
                            "cáo.</li><li><b>Uỷ viên:</b> phụ trách chăm sóc tại nhà "
                            "hoặc văn nghệ, thể thao.</li></ul>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "text": (
                                "Thủ quỹ và kế toán phải là hai người khác nhau. Người "
                                "giữ tiền không tự ghi sổ, người ghi sổ không giữ "
                                "tiền. Như vậy hai người kiểm tra chéo nhau, và cả hai "
                                "đều được bảo vệ khi có thắc mắc."
                            ),
                        },
                    ),
                    ("heading", "Buổi sinh hoạt hằng tháng"),
                    (
                        "paragraph",
                        (
                            "<p>Câu lạc bộ sinh hoạt <b>mỗi tháng một lần</b>, vào một "
                            "ngày cố định để thành viên dễ nhớ. Một buổi thường kéo "
                            "dài khoảng hai tiếng:</p><ol><li>Điểm danh, hát hoặc tập "
                            "dưỡng sinh khởi động.</li><li>Đo huyết áp, nói chuyện sức "
                            "khoẻ ngắn.</li><li>Báo cáo hoạt động tháng trước và "
                            "<b>công khai thu chi của quỹ</b>.</li><li>Xét duyệt công "
                            "khai các đơn vay vốn.</li><li>Thông tin về chính sách "
                            "mới; thành viên nêu ý kiến.</li><li>Thống nhất việc làm "
                            "trong tháng tới.</li></ol>"
                        ),
                    ),
                    ("heading", "Ghi biên bản"),
                    (
                        "paragraph",
                        (
                            "<p>Mỗi buổi sinh hoạt đều có biên bản: ngày họp, số người "
                            "dự, nội dung chính, các quyết định (ví dụ ai được vay, "
                            "vay bao nhiêu), chữ ký của người chủ trì và người ghi. "
                            "Biên bản là bằng chứng khi có thắc mắc về sau.</p>"
                        ),
                    ),
                    (
                        "case_study",
                        {
                            "title": "Buổi sinh hoạt chỉ còn 20 người",
                            "text": (
                                "Câu lạc bộ thôn Bản Chang có 60 thành viên, nhưng mấy "
                                "tháng nay mỗi buổi sinh hoạt chỉ còn khoảng 20 người "
                                "đến. Nhiều người nói họp lâu, toàn ngồi nghe đọc văn "
                                "bản."
                            ),
                            "question": (
                                "Ban chủ nhiệm có thể thay đổi những gì trong buổi "
                                "sinh hoạt để thành viên muốn đến?"
                            ),
                        },
                    ),
                    (
                        "checklist",
                        {
                            "title": "Chuẩn bị buổi sinh hoạt",
                            "items": [
                                "Nhắc lịch cho thành viên trước 2-3 ngày.",
                                "Kế toán và thủ quỹ đối chiếu sổ sách với tiền mặt.",
                                "Chuẩn bị danh sách đơn vay vốn cần xét.",
                                "Có người đo huyết áp và sổ theo dõi sức khoẻ.",
                                "Có người ghi biên bản.",
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "tai-chinh-quy-quay-vong",
                "title": "Tài chính và quỹ quay vòng",
                "title_en": "Finance and the revolving loan fund",
                "minutes": 25,
                "intro": (
                    "Quỹ quay vòng chỉ bền khi mọi khoản vay đi đúng bảy bước và được "
                    "duyệt công khai."
                ),
                "body": [
                    ("heading", "Nguồn quỹ của câu lạc bộ"),
                    (
                        "paragraph",
                        (
                            "<p>Quỹ câu lạc bộ có thể gồm: hội phí của thành viên, "
                            "tiền hỗ trợ của dự án, chính quyền, người hảo tâm và tiền "
                            "thu từ các hoạt động chung. Phần lớn số tiền được dùng "
                            "làm <b>quỹ quay vòng</b>: cho thành viên vay để làm ăn, "
                            "trả dần, rồi lại cho người khác vay tiếp.</p><p>Mọi việc "
                            "thu chi và cho vay đều theo <b>quy chế quỹ</b> đã được "
                            "thành viên biểu quyết thông qua: ai được vay, mức vay tối "
                            "đa, thời hạn, lãi suất hoặc phí, cách trả, cách xử lý khi "
                            "chậm trả.</p>"
                        ),
                    ),
                    ("heading", "Bảy bước của một khoản vay"),
                    (
                        "paragraph",
                        (
                            "<ol><li><b>Làm đơn:</b> thành viên viết đơn (hoặc nhờ "
                            "người viết hộ), nêu số tiền, mục đích, thời hạn "
                            "trả.</li><li><b>Ban chủ nhiệm xem xét:</b> đối chiếu với "
                            "quy chế, đến thăm gia đình, xem kế hoạch làm ăn có làm "
                            "được không.</li><li><b>Duyệt công khai tại buổi sinh "
                            "hoạt:</b> ban chủ nhiệm đọc tên người vay, số tiền, mục "
                            "đích; thành viên góp ý; quyết định được ghi vào biên "
                            "bản.</li><li><b>Giải ngân:</b> thủ quỹ giao tiền, người "
                            "vay ký nhận, kế toán ghi sổ.</li><li><b>Theo dõi:</b> ban "
                            "chủ nhiệm thăm hỏi, giúp người vay dùng vốn đúng mục "
                            "đích.</li><li><b>Trả nợ:</b> người vay trả theo kỳ hạn, "
                            "có phiếu thu.</li><li><b>Cho vay vòng tiếp:</b> tiền thu "
                            "về lại được cho thành viên khác vay.</li></ol>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "text": (
                                "Không có khoản vay nào được duyệt “riêng” giữa chủ "
                                "nhiệm và người vay. Ban chủ nhiệm xét duyệt công "
                                "khai, đúng quy chế quỹ, trước buổi sinh hoạt của cả "
                                "câu lạc bộ."
                            ),
                        },
                    ),
                    ("heading", "Khi thành viên chậm trả"),
                    (
                        "paragraph",
                        (
                            "<p>Trước hết hãy tìm hiểu lý do. Nếu thành viên chậm trả "
                            "vì <b>ốm đau</b> hay gặp rủi ro, ban chủ nhiệm <b>đến "
                            "thăm hỏi</b>, động viên, và có thể <b>cho gia hạn theo "
                            "đúng quy chế quỹ</b>; việc gia hạn được báo cáo công khai "
                            "ở buổi sinh hoạt. Không đòi nợ gay gắt, không bêu tên "
                            "trước thôn.</p>"
                        ),
                    ),
                    (
                        "case_study",
                        {
                            "title": "Bà Hạnh ốm, chưa trả được kỳ này",
                            "text": (
                                "Bà Hạnh vay 3 triệu đồng để nuôi lợn, đã trả đúng hạn "
                                "hai kỳ. Tháng này bà bị ngã gãy tay, phải nằm viện "
                                "nên chưa trả được kỳ thứ ba. Có thành viên đề nghị "
                                "không cho bà vay lần sau nữa."
                            ),
                            "question": (
                                "Ban chủ nhiệm nên làm gì cho đúng tinh thần tự giúp "
                                "nhau và đúng quy chế quỹ?"
                            ),
                        },
                    ),
                    (
                        "key_points",
                        [
                            "Mọi khoản vay đều theo quy chế quỹ đã thông qua.",
                            "Ban chủ nhiệm duyệt cho vay công khai tại buổi sinh hoạt.",
                            (
                                "Thủ quỹ giữ tiền, kế toán ghi sổ: phải là hai người "
                                "khác nhau."
                            ),
                            (
                                "Chậm trả vì ốm đau: đến thăm hỏi, có thể gia hạn theo "
                                "quy chế."
                            ),
                            "Thu chi của quỹ được công khai hằng tháng.",
                        ],
                    ),
                ],
            },
            {
                "slug": "cham-soc-tai-nha",
                "title": "Chăm sóc tại nhà",
                "title_en": "Home care by volunteers",
                "minutes": 15,
                "intro": (
                    "Nhóm tình nguyện viên của câu lạc bộ đến tận nhà giúp người cao "
                    "tuổi yếu và người khuyết tật."
                ),
                "body": [
                    ("heading", "Chăm sóc tại nhà là gì?"),
                    (
                        "paragraph",
                        (
                            "<p>Trong thôn có những người cao tuổi ốm yếu, nằm một "
                            "chỗ, sống một mình, hay người khuyết tật không đến sinh "
                            "hoạt được. Câu lạc bộ lập <b>nhóm tình nguyện viên chăm "
                            "sóc tại nhà</b>, gồm <b>ít nhất 5 người</b>, đến thăm và "
                            "giúp đỡ họ ngay tại nhà.</p>"
                        ),
                    ),
                    ("heading", "Tình nguyện viên làm những việc gì?"),
                    (
                        "paragraph",
                        (
                            "<ul><li>Thăm hỏi, trò chuyện để người được chăm sóc bớt "
                            "cô đơn.</li><li>Giúp việc nhà đơn giản: quét dọn, nấu ăn, "
                            "giặt giũ, đi chợ.</li><li>Giúp vệ sinh cá nhân, tập vận "
                            "động nhẹ theo hướng dẫn của cán bộ y tế.</li><li>Nhắc "
                            "uống thuốc, đo huyết áp, báo trạm y tế khi thấy dấu hiệu "
                            "bất thường.</li><li>Giúp làm giấy tờ để được hưởng chế "
                            "độ, chính sách.</li></ul>"
                        ),
                    ),
                    ("heading", "Tổ chức nhóm chăm sóc"),
                    (
                        "paragraph",
                        (
                            "<p>Ban chủ nhiệm cùng nhóm lập <b>danh sách người cần "
                            "chăm sóc</b>, ưu tiên người khó khăn nhất. Mỗi người được "
                            "chăm sóc có một hoặc hai tình nguyện viên phụ trách, "
                            "thường đến thăm mỗi tuần một, hai lần. Mỗi lần thăm đều "
                            "ghi vào <b>sổ chăm sóc tại nhà</b>: ngày thăm, việc đã "
                            "làm, điều cần báo. Nhóm họp mỗi tháng một lần để chia sẻ "
                            "kinh nghiệm và báo cáo với ban chủ nhiệm.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": (
                                "Nên chọn tình nguyện viên ở gần nhà người được chăm "
                                "sóc. Ở gần thì đến được thường xuyên, và khi có việc "
                                "gấp là có mặt ngay."
                            ),
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "Ông Khải sống một mình",
                            "text": (
                                "Ông Khải 82 tuổi, vợ mất, con cái ở xa. Gần đây ông "
                                "ít ra khỏi nhà, nhà cửa bừa bộn, hàng xóm thấy ông "
                                "gầy đi. Khi được hỏi, ông bảo không cần gì vì ngại "
                                "làm phiền người khác."
                            ),
                            "question": (
                                "Nhóm chăm sóc tại nhà nên bắt đầu thế nào để ông Khải "
                                "vui vẻ nhận sự giúp đỡ?"
                            ),
                        },
                    ),
                    (
                        "checklist",
                        {
                            "title": "Mỗi lần đi thăm",
                            "items": [
                                (
                                    "Chào hỏi, hỏi người được chăm sóc muốn được giúp "
                                    "việc gì hôm nay."
                                ),
                                (
                                    "Để ý trong nhà có gì nguy hiểm: sàn trơn, dây "
                                    "điện, bếp lửa."
                                ),
                                "Hỏi về ăn uống, giấc ngủ, thuốc men.",
                                "Ghi vào sổ chăm sóc tại nhà.",
                                (
                                    "Báo ban chủ nhiệm hoặc trạm y tế nếu có dấu hiệu "
                                    "bất thường."
                                ),
                            ],
                        },
                    ),
                    (
                        "key_points",
                        [
                            "Nhóm chăm sóc tại nhà có ít nhất 5 tình nguyện viên.",
                            (
                                "Ưu tiên người cao tuổi yếu, sống một mình và người "
                                "khuyết tật."
                            ),
                            "Mỗi lần thăm đều ghi sổ.",
                        ],
                    ),
                ],
            },
            {
                "slug": "so-sach-bao-cao-quy",
                "title": "Sổ sách và báo cáo quý",
                "title_en": "Ledgers and the quarterly report",
                "minutes": 20,
                "intro": (
                    "Sổ sách rõ ràng, công khai hằng tháng và báo cáo quý đúng hạn "
                    "giúp câu lạc bộ giữ được lòng tin."
                ),
                "body": [
                    ("heading", "Các loại sổ cần có"),
                    (
                        "paragraph",
                        (
                            "<p>Sổ sách rõ ràng giúp câu lạc bộ được thành viên tin, "
                            "được chính quyền và nhà tài trợ tin. Những sổ thường "
                            "dùng:</p><ul><li><b>Sổ thành viên:</b> họ tên, năm sinh, "
                            "nơi ở, ngày vào câu lạc bộ.</li><li><b>Sổ biên bản sinh "
                            "hoạt:</b> ghi từng buổi họp.</li><li><b>Sổ quỹ tiền "
                            "mặt</b> do thủ quỹ giữ và <b>sổ kế toán</b> do kế toán "
                            "giữ.</li><li><b>Sổ theo dõi cho vay:</b> ai vay, bao "
                            "nhiêu, ngày vay, các kỳ trả.</li><li><b>Sổ chăm sóc tại "
                            "nhà</b> và <b>sổ theo dõi sức khoẻ</b>.</li></ul>"
                        ),
                    ),
                    ("heading", "Công khai tài chính hằng tháng"),
                    (
                        "paragraph",
                        (
                            "<p>Ở mỗi buổi sinh hoạt, kế toán đọc to: số dư đầu tháng, "
                            "các khoản thu, các khoản chi, số tiền đang cho vay, số dư "
                            "cuối tháng. Trước đó, thủ quỹ đếm tiền mặt trước ban chủ "
                            "nhiệm để đối chiếu với sổ. Bảng tóm tắt được dán ở nơi "
                            "sinh hoạt để ai cũng xem được.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": (
                                "Sổ quỹ tiền mặt và sổ kế toán phải khớp nhau. Nếu "
                                "thấy lệch, tìm ra nguyên nhân ngay trong tháng, đừng "
                                "để dồn sang tháng sau."
                            ),
                        },
                    ),
                    ("heading", "Báo cáo quý"),
                    (
                        "paragraph",
                        (
                            "<p>Mỗi quý (ba tháng), ban chủ nhiệm lập <b>báo cáo "
                            "quý</b> gửi Uỷ ban nhân dân xã hoặc tổ chức được giao "
                            "theo dõi câu lạc bộ, thường là Hội Người cao tuổi xã. Báo "
                            "cáo nên ngắn gọn, gồm:</p><ol><li>Số thành viên, số người "
                            "mới vào, số người ra.</li><li>Số buổi sinh hoạt, số người "
                            "dự trung bình.</li><li>Những hoạt động chính theo tám nội "
                            "dung.</li><li>Tình hình quỹ: số dư, số khoản đang cho "
                            "vay, số khoản chậm trả và cách xử lý.</li><li>Khó khăn và "
                            "đề xuất.</li></ol>"
                        ),
                    ),
                    (
                        "case_study",
                        {
                            "title": "Sổ quỹ lệch 200 nghìn đồng",
                            "text": (
                                "Khi đối chiếu cuối tháng, sổ kế toán ghi còn "
                                "12.400.000 đồng nhưng thủ quỹ chỉ đếm được 12.200.000 "
                                "đồng. Thủ quỹ nhớ ra đã chi tiền mua nước uống cho "
                                "buổi văn nghệ nhưng quên đưa phiếu chi cho kế toán."
                            ),
                            "question": (
                                "Ban chủ nhiệm nên xử lý thế nào, và cần thay đổi gì "
                                "để lần sau không lặp lại?"
                            ),
                        },
                    ),
                    (
                        "checklist",
                        {
                            "title": "Trước khi gửi báo cáo quý",
                            "items": [
                                "Số thành viên trong báo cáo khớp với sổ thành viên.",
                                "Số dư quỹ khớp giữa sổ quỹ tiền mặt và sổ kế toán.",
                                "Đã ghi rõ các khoản chậm trả và cách xử lý.",
                                "Chủ nhiệm đã ký, có ngày tháng.",
                                "Giữ lại một bản trong hồ sơ câu lạc bộ.",
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "thanh-lap-clb-moi",
                "title": "Các bước thành lập câu lạc bộ mới",
                "title_en": "Founding a new club with a mentor club",
                "minutes": 20,
                "intro": (
                    "Câu lạc bộ cũ đỡ đầu giúp thôn bạn thành lập câu lạc bộ mới, từ "
                    "vận động đến quyết định của xã."
                ),
                "body": [
                    ("heading", "Nhân rộng mô hình"),
                    (
                        "paragraph",
                        (
                            "<p>Khi một câu lạc bộ hoạt động tốt, thôn bên cạnh thường "
                            "muốn học theo. Cách hiệu quả nhất là để <b>câu lạc bộ cũ "
                            "làm câu lạc bộ đỡ đầu</b>, kèm cặp câu lạc bộ mới trong "
                            "năm đầu tiên.</p>"
                        ),
                    ),
                    ("heading", "Các bước thành lập"),
                    (
                        "paragraph",
                        (
                            "<ol><li><b>Tìm hiểu và vận động:</b> gặp trưởng thôn, các "
                            "đoàn thể; tìm hiểu số người cao tuổi và nhu cầu của họ; "
                            "nói cho bà con biết lợi ích của câu lạc "
                            "bộ.</li><li><b>Tham quan học tập:</b> đưa những người "
                            "nòng cốt đến dự một buổi sinh hoạt của câu lạc bộ đỡ "
                            "đầu.</li><li><b>Lập danh sách thành viên:</b> 50-70 người "
                            "tự nguyện, khoảng 70% là người cao tuổi, ưu tiên người "
                            "khó khăn.</li><li><b>Họp thành viên:</b> bầu ban chủ "
                            "nhiệm, thông qua quy chế hoạt động và quy chế "
                            "quỹ.</li><li><b>Trình xã:</b> gửi hồ sơ để <b>Uỷ ban nhân "
                            "dân xã ra quyết định thành lập</b> câu lạc bộ và công "
                            "nhận ban chủ nhiệm.</li><li><b>Ra mắt và sinh hoạt đều "
                            "đặn:</b> tổ chức buổi ra mắt, sau đó sinh hoạt hằng "
                            "tháng.</li></ol>"
                        ),
                    ),
                    ("heading", "Câu lạc bộ đỡ đầu giúp những gì?"),
                    (
                        "paragraph",
                        (
                            "<ul><li>Cử người dự những buổi sinh hoạt đầu tiên, góp ý "
                            "cách điều hành.</li><li>Hướng dẫn thủ quỹ, kế toán mới "
                            "cách ghi sổ, lập phiếu thu, phiếu chi.</li><li>Cho mượn "
                            "mẫu quy chế, mẫu đơn vay, mẫu báo cáo.</li><li>Cùng nhìn "
                            "lại sau 3 tháng, 6 tháng và 12 tháng.</li></ul>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": (
                                "Quy chế của câu lạc bộ đỡ đầu chỉ là mẫu để tham "
                                "khảo. Câu lạc bộ mới cần bàn, sửa cho hợp với thôn "
                                "mình, rồi để thành viên biểu quyết thông qua."
                            ),
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "Ai ký quyết định thành lập?",
                            "text": (
                                "Câu lạc bộ thôn Khuổi Lò đã họp bầu xong ban chủ "
                                "nhiệm. Để cho nhanh, có người đề nghị chỉ cần trưởng "
                                "thôn ký một tờ giấy “thành lập câu lạc bộ” là đủ, "
                                "khỏi gửi hồ sơ lên xã."
                            ),
                            "question": (
                                "Làm như vậy có đúng không? Hồ sơ cần gửi đến đâu để "
                                "câu lạc bộ được thành lập chính thức?"
                            ),
                        },
                    ),
                    (
                        "checklist",
                        {
                            "title": "Hồ sơ đề nghị xã thành lập câu lạc bộ",
                            "items": [
                                "Tờ trình đề nghị thành lập câu lạc bộ.",
                                "Danh sách thành viên.",
                                "Biên bản họp thành viên và kết quả bầu ban chủ nhiệm.",
                                "Quy chế hoạt động và quy chế quỹ đã được thông qua.",
                            ],
                        },
                    ),
                    (
                        "key_points",
                        [
                            "Uỷ ban nhân dân xã ra quyết định thành lập câu lạc bộ.",
                            (
                                "Câu lạc bộ cũ đỡ đầu, kèm cặp câu lạc bộ mới trong "
                                "năm đầu."
                            ),
                            (
                                "Quy chế phải do chính thành viên câu lạc bộ mới biểu "
                                "quyết thông qua."
                            ),
                        ],
                    ),
                ],
            },
        ],
    },
]
