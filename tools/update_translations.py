"""Fill annotator_zh_CN.ts with the Simplified Chinese strings below, then compile it.

Run after `pyside6-lupdate $(find annotator/gui -name '*.py') -ts resources/i18n/annotator_zh_CN.ts`
and `pyside6-lupdate -pluralonly $(find annotator/gui -name '*.py') -ts resources/i18n/annotator_en.ts`:
    python tools/update_translations.py
    pyside6-lrelease resources/i18n/annotator_zh_CN.ts resources/i18n/annotator_en.ts
Strings missing here stay "unfinished" and show in English. Counts use Qt's plural forms: the
source says "%n sentence(s)" (tr with n), annotator_en.ts holds the English singular and plural
(EN_PLURALS), and Chinese has one form.

lupdate marks a call plural only for ``self.tr(text, None, n)`` with a plain name or number as n
(not ``obj.attr`` and not the module-level ``translate()``): bind the count to a name first.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

EN_PLURALS = {
    "%n sentence(s) decided by two or more of: %s. Overall Krippendorff's alpha %s, MASI %s.": (
        "%n sentence decided by two or more of: %s. Overall Krippendorff's alpha %s, MASI %s.",
        "%n sentences decided by two or more of: %s. Overall Krippendorff's alpha %s, MASI %s.",
    ),
    "%n agreed sentence(s) promoted to gold. ": (
        "%n agreed sentence promoted to gold. ",
        "%n agreed sentences promoted to gold. ",
    ),
    "%n undecided sentence(s), most uncertain first (model %s). Enter on a sentence of this list "
    "moves on to the next one in it.": (
        "%n undecided sentence, most uncertain first (model %s). Enter on a sentence of this list "
        "moves on to the next one in it.",
        "%n undecided sentences, most uncertain first (model %s). Enter on a sentence of this "
        "list moves on to the next one in it.",
    ),
}

ZH = {
    "&Save a copy for merging…": "保存副本以供合并(&S)…",
    "Save a copy for merging": "保存副本以供合并",
    "Article too large": "文章过大",
    "Split it at blank lines into several articles and import?": "按空行拆分为多篇文章后导入？",
    "● unsaved": "● 未保存",
    "Saved a copy for merging: %s": "已保存副本以供合并：%s",
    "Waiting for the database (another program is writing)…": "正在等待数据库(另一个程序正在写入)…",
    "Undo again (Ctrl+Z) to undo yours over it.": "再次撤销(Ctrl+Z)可在其上撤销您的修改。",
    "Redo (Ctrl+Shift+Z) applies yours over it.": "重做(Ctrl+Shift+Z)可将您的修改应用于其上。",
    "Not saved: another window changed %s of this sentence; it shows that version now.": "未保存：另一个窗口修改了本句的%s；现在显示的是该版本。",
    "The app stopped while opening article %d last time; it was not reopened. Open it from the list to try again.": "上次打开第 %d 篇文章时程序意外退出，本次未重新打开。可从列表中打开再试。",
    "%n sentence(s) decided by two or more of: %s. Overall Krippendorff's alpha %s, MASI %s.": "%n 个句子由以下至少两人判定:%s。总体 Krippendorff's alpha %s,MASI %s。",
    "%n agreed sentence(s) promoted to gold. ": "%n 个一致的句子已写入金标准。",
    "%n undecided sentence(s), most uncertain first (model %s). Enter on a sentence of this list moves on to the next one in it.": "%n 个未判定句子,最不确定的在前(模型 %s)。在列表中的句子上按 Enter 会跳到列表中的下一句。",
    "annotator: error": "annotator:出错",
    "OK": "确定",
    "Open folder": "打开文件夹",
    "Written to %s": "已写入 %s",
    "Accept (Ctrl+Enter)": "采纳 (Ctrl+Enter)",
    "Suggested: %s": "建议:%s",
    "suggested: %s": "建议:%s",
    "Accept suggested article &fields": "采纳建议的文章字段(&F)",
    "No suggested article fields.": "没有建议的文章字段。",
    'Computing the learning curve…': '正在计算学习曲线…',
    '&Export labeled data…': '导出标注数据(&E)…',
    '&Merge project…': '合并项目(&M)…',
    'Exporting…': '正在导出…',
    'Export failed': '导出失败',
    'Merging…': '正在合并…',
    'Merge failed': '合并失败',
    'Merge another project into this one': '把另一个项目合并进来',
    'Export labeled data': '导出标注数据',
    'Format': '格式',
    'sentence labels': '句子标签',
    'spans': '片段',
    'Prodigy/doccano task': 'Prodigy/doccano 任务',
    'all annotators': '全部标注员',
    'gold (adjudicated)': '金标准(已裁定)',
    'Whose annotations': '谁的标注',
    'Labels': '标签',
    'one line per sentence': '每句一行',
    'one line per article': '每篇文章一行',
    'Unit (own format)': '单位(自有格式)',
    'include undecided sentences': '包括未判定的句子',
    'Split by article (optional)': '按文章划分(可选)',
    'Split seed': '划分随机种子',
    'Browse…': '浏览…',
    'File': '文件',
    'Export to': '导出到',
    "Cross-validated F1 (folds by article) when training on a growing share of the annotated sentences. A curve still rising means more annotation pays.": "按文章分折交叉验证的 F1,训练数据逐步增加。曲线仍在上升,说明继续标注仍有收益。",
    "%d sentences decided by two or more of: %s. Overall Krippendorff's alpha %s, MASI %s.": "%d 个句子由以下至少两人判定:%s。总体 Krippendorff's alpha %s,MASI %s。",
    "Agreement per label (Krippendorff's alpha)": "各标签一致性(Krippendorff's alpha)",
    "Agreement per annotator pair (Cohen's kappa, label sets)": "各标注员两两一致性(Cohen's kappa,标签集合)",
    "Open disagreements per article": "各文章待处理分歧",
    "Labels per annotator (decided sentences)": "各标注员的标签数(已判定句子)",
    "Model %s trained on %d sentences; %d suggestions refreshed.": "模型 %s 已用 %d 个句子训练;已刷新 %d 条建议。",
    "resolved %d of %d · open: %d disputed, %d agreed, %d incomplete": "已裁定 %d / %d · 待处理:%d 有分歧,%d 一致,%d 未完成",
    "note": "备注",
    "edited": "已修改",
    "Candidate: %s": "候选:%s",
    "%d agreed sentence(s) promoted to gold. ": "%d 个一致的句子已写入金标准。",
    "Learn → Retrain model (Ctrl+R) to rank undecided sentences.": "学习 → 重新训练模型 (Ctrl+R),以对未判定句子排序。",
    "%d undecided sentences, most uncertain first (model %s). Enter on a sentence of this list moves on to the next one in it.": "%d 个未判定句子,最不确定的在前(模型 %s)。在列表中的句子上按 Enter 会跳到列表中的下一句。",
    "&Retrain model and refresh suggestions": "重新训练模型并刷新建议(&R)",
    "&Uncertain first": "最不确定优先(&U)",
    "&Learning curve…": "学习曲线(&L)…",
    "&Learn": "学习(&L)",
    "&Review mode (disagreements → gold)": "审核模式(分歧 → 金标准)(&R)",
    "Agreement &dashboard…": "一致性仪表板(&D)…",
    "Agreement dashboard": "一致性仪表板",
    "Uncertain first": "最不确定优先",
    "Learning curve": "学习曲线",
    "Training failed": "训练失败",
    "Learning curve failed": "学习曲线计算失败",
    "Another job is still running.": "另一项任务仍在运行。",
    "Training the model in the background…": "正在后台训练模型…",
    "Gold candidate": "金标准候选",
    "Remove span": "删除片段",
    "Accept (Enter)": "接受 (Enter)",
    "Skip (S)": "跳过 (S)",
    "Undo (Z)": "撤销 (Z)",
    "Any label": "任意标签",
    "Any pair": "任意两人",
    "Auto-adjudicate agreed": "自动采纳一致结果",
    "Dashboard…": "仪表板…",
    "No open disagreements.": "没有待处理的分歧。",
    "Why (recorded with the decision)": "理由(随裁定一并记录)",
    "Annotators (comma-separated; empty: everyone)": "标注员(逗号分隔;留空为全部)",
    "training sentences": "训练句数",
    "&New project…": "新建项目(&N)…",
    "&Open project…": "打开项目(&O)…",
    "&Import article files…": "导入文章文件(&I)…",
    "Import article &folder…": "导入文章文件夹(&F)…",
    "&Quit": "退出(&Q)",
    "&Undo": "撤销(&U)",
    "&Redo": "重做(&R)",
    "&Find articles…": "查找文章(&F)…",
    "&Clear labels": "清除标签(&C)",
    "Confirm and &next undecided": "确认并跳到下一未判定句(&N)",
    "Flip &boilerplate": "切换模板文字标记(&B)",
    "&Remove selected span": "删除选中片段(&R)",
    "Edit &note": "编辑备注(&N)",
    "&Next sentence": "下一句(&N)",
    "&Previous sentence": "上一句(&P)",
    "Next article with &undecided sentences": "下一篇有未判定句子的文章(&U)",
    "P&revious article": "上一篇文章(&R)",
    "&Hide boilerplate": "隐藏模板文字(&H)",
    "&Guidelines": "标注规范(&G)",
    "English": "English",
    "简体中文": "简体中文",
    "&Switch annotator…": "切换标注员(&S)…",
    "&Keyboard shortcuts": "快捷键(&K)",
    "&About": "关于(&A)",
    "Toggle %s (or span from selection)": "切换“%s”(有选中文字时添加片段)",
    "Exact %s span (no snapping)": "精确的“%s”片段(不对齐词语)",
    "New project": "新建项目",
    "Annotator projects (*.db)": "标注项目 (*.db)",
    "Label schema (Cancel for the default schema)": "标签方案(取消则使用默认方案)",
    "Label schemas (*.toml)": "标签方案 (*.toml)",
    "Open project": "打开项目",
    "Annotator projects (*.db);;All files (*)": "标注项目 (*.db);;所有文件 (*)",
    "Import articles": "导入文章",
    "Articles (*.txt *.html *.htm *.jsonl);;All files (*)": "文章 (*.txt *.html *.htm *.jsonl);;所有文件 (*)",
    "Import a folder of articles": "导入文章文件夹",
    "Title": "标题",
    "Source": "来源",
    "Sent.": "句数",
    "Done": "已判定",
    "Status": "状态",
    "not started": "未开始",
    "in progress": "进行中",
    "done": "已完成",
    "Article": "文章",
    "Sentence": "句子",
    "Spans": "片段",
    "Label": "标签",
    "Text": "文字",
    "Select text in the article and press a label key to add a span (snapped to words; hold Alt for exact characters).": "在文章中选中文字后按标签键即可添加片段(自动对齐词语;按住 Alt 则精确到字)。",
    "Note (why, doubts, questions for the reviewer)": "备注(理由、疑问、给审核人的问题)",
    "Decided (Enter confirms and moves on)": "已判定(Enter 确认并继续)",
    "Toggle label": "切换标签",
    "Edit field": "编辑字段",
    "Edit span field": "编辑片段字段",
    "Edit note": "编辑备注",
    "Set decided": "设置已判定",
    "Guidelines": "标注规范",
    "Search titles and text (Ctrl+F)": "搜索标题和正文 (Ctrl+F)",
    "All articles": "全部文章",
    "%s label · 0 clear · Enter confirm · Space accept · J/K move · N/P article · B boilerplate · ? keys": "%s 标签 · 0 清除 · Enter 确认 · 空格 采纳 · J/K 移动 · N/P 文章 · B 模板文字 · ? 快捷键",
    "&File": "文件(&F)",
    "&Edit": "编辑(&E)",
    "&Annotate": "标注(&A)",
    "&Navigate": "导航(&N)",
    "&View": "视图(&V)",
    "A&nnotator": "标注员(&N)",
    "&Help": "帮助(&H)",
    "Open &recent": "最近的项目(&R)",
    "Annotator: %s": "标注员:%s",
    "✓ saved %s": "✓ 已保存 %s",
    "✓ all saved": "✓ 全部已保存",
    "Article %s · project %d/%d": "本文 %s · 项目 %d/%d",
    "No other article has undecided sentences.": "没有其他文章还有未判定的句子。",
    "A span must lie inside one sentence.": "片段必须位于同一个句子之内。",
    "Add span": "添加片段",
    "Clear labels": "清除标签",
    "Confirm sentence": "确认句子",
    "Every sentence of this article is decided. N goes to the next article.": "本文所有句子都已判定。按 N 进入下一篇文章。",
    "About annotator": "关于 annotator",
    "annotator %s — an annotation workbench for Chinese news and publicity.": "annotator %s——中文新闻与宣传文本标注工作台。",
    "Importing articles…": "正在导入文章…",
    "Cancel": "取消",
    "Importing articles… %d of %d files": "正在导入文章… 第 %d / %d 个文件",
    "Import failed": "导入失败",
    "Annotator": "标注员",
    "Your name (each annotator has their own layer):": "你的名字(每位标注员有自己的标注层):",
    "Keyboard shortcuts": "快捷键",
    "Command": "命令",
    "Keys": "按键",
    "&Accept suggestions": "接受建议(&A)",
    "&Accept suggestions, confirm and next undecided": "接受建议、确认并到下一未定句(&A)",
    "Accept suggestions &without confirming": "只接受建议，不确认(&W)",
    "Suggestions not accepted: %s": "未接受建议：%s",
    "Re&ject suggestions": "拒绝建议(&J)",
    "Show &suggestions": "显示建议(&S)",
    "No suggestions for this sentence.": "本句没有建议。",
    "Accept suggestions": "接受建议",
    "Open project on a ser&ver…": "打开服务器上的项目(&V)…",
    "Open project on a server": "打开服务器上的项目",
    "Server address:": "服务器地址：",
    "postgresql://user@host[:port]/dbname, or service=name from a service file. The password comes from ~/.pgpass, PGPASSWORD or the service file; annotator never asks for it and never saves it.": "postgresql://用户@主机[:端口]/数据库名，或服务文件中的 service=名称。密码取自 ~/.pgpass、PGPASSWORD 或服务文件；annotator 从不询问也从不保存密码。",
    "%s: not a server address; it starts with postgresql:// or service=": "%s：不是服务器地址；应以 postgresql:// 或 service= 开头",
    "Open": "打开",
    "On %s you annotate as your login, %s, not %s: the server lets each login write only its own layer.": "在 %s 上您以登录名 %s（而非 %s）标注：服务器只允许每个登录名写入自己的标注层。",
}


def fill(path: Path, table: dict) -> list[str]:
    """Write the translations of ``table`` into the .ts file; return the sources it lacks."""
    tree = ET.parse(path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation.get("type") in ("vanished", "obsolete"):
            continue
        if source not in table:
            missing.append(source)
            continue
        forms = table[source]
        forms = [forms] if isinstance(forms, str) else list(forms)
        if message.get("numerus") == "yes":
            translation.text = None
            for child in list(translation):
                translation.remove(child)
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = forms[0]
        translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


def main() -> None:
    folder = Path(__file__).resolve().parent.parent / "resources" / "i18n"
    missing = fill(folder / "annotator_zh_CN.ts", ZH)
    missing += fill(folder / "annotator_en.ts", EN_PLURALS)
    if missing:
        print("untranslated:", *missing, sep="\n  ")


if __name__ == "__main__":
    main()
