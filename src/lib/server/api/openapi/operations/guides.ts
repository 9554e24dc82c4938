/**
 * The training library (issue 17 §3): what each route of routes/guides.ts says about itself in
 * the OpenAPI document (see public.ts for the convention).
 */
import { operation } from '../describe.ts';

export const guidesOps = {
	get: operation(
		'The current version of every guide, its files and sizes (public: no personal data)',
		'Phiên bản hiện hành của mọi hướng dẫn, các tệp và dung lượng (công khai: không có dữ liệu cá nhân)'
	),
	getFilesByName: operation(
		'A guide file by its SHA-256: the step cards (JSON) or a picture; never changes',
		'Một tệp hướng dẫn theo mã SHA-256: các thẻ bước (JSON) hoặc một hình; không bao giờ thay đổi',
		{ errors: [404], media: 'application/octet-stream' }
	),
	getVersionsBySlug: operation(
		"A guide's versions, newest first, with who published each (admins)",
		'Các phiên bản của một hướng dẫn, mới nhất trước, kèm người đăng (quản trị viên)',
		{ auth: true, errors: [404] }
	),
	post: operation(
		'Publish a guide from a zip of guide.md and its pictures (admins; a new version, or none when unchanged)',
		'Đăng một hướng dẫn từ tệp zip gồm guide.md và các hình (quản trị viên; thêm phiên bản mới, hoặc không khi nội dung không đổi)',
		{ auth: true, status: 201, errors: [413, 422], upload: 'application/zip' }
	)
};
